namespace ThreatCrowd.Batch.Model;

/// <summary>
/// The kinds of related item an answer holds, in the order the indicators table shows their counts. Each is spelled
/// in <see cref="RelationKindNames"/>, and counted in <see cref="RelationCounts"/>: a new kind is a line here and
/// its spellings there.
/// </summary>
internal enum RelationKind
{
    Resolution,
    Hash,
    Email,
    Subdomain,
    Domain,
    Ip,
    Reference,
    Scan,
}
