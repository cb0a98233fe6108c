namespace ThreatCrowd.Batch.Store;

/// <summary>How many related items of each kind an answer holds.</summary>
internal sealed record RelationCounts(
    int Resolutions, int Hashes, int Emails, int Subdomains, int Domains, int Ips, int References, int Scans);
