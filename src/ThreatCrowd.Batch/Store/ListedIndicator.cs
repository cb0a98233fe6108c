using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// An indicator the crowd flags as malicious (voted malicious, or named by a malicious feed), with what its answer
/// holds, for the threat-intel files. <see cref="Answered"/> is false until it has been looked up.
/// </summary>
internal sealed record ListedIndicator(
    string Value,
    int? Votes,
    bool InFeed,
    bool Answered,
    bool Found,
    string? Md5,
    string? Sha1,
    RelationCounts Counts);
