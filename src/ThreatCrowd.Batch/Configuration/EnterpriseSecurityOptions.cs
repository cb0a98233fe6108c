namespace ThreatCrowd.Batch.Configuration;

/// <summary>Section <c>Output:EnterpriseSecurity</c>: the threat-intel files Splunk Enterprise Security ingests.</summary>
internal sealed class EnterpriseSecurityOptions
{
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Also lists the related items (resolutions, hashes, e-mails...) of listed indicators. Off by default: guilt
    /// by association is weaker evidence, and a popular host related to one bad name would alert everywhere.
    /// </summary>
    public bool IncludeRelated { get; init; }

    public IntelWeightOptions Weights { get; init; } = new();
}
