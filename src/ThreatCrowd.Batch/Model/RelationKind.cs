namespace ThreatCrowd.Batch.Model;

/// <summary>The names of the relations an answer holds, as written to the relations table.</summary>
internal static class RelationKind
{
    public const string Resolution = "resolution";
    public const string Hash = "hash";
    public const string Email = "email";
    public const string Subdomain = "subdomain";
    public const string Domain = "domain";
    public const string Ip = "ip";
    public const string Reference = "reference";
    public const string Scan = "scan";

    /// <summary>In the order the indicators table shows their counts.</summary>
    public static readonly IReadOnlyList<string> All = [Resolution, Hash, Email, Subdomain, Domain, Ip, Reference, Scan];
}
