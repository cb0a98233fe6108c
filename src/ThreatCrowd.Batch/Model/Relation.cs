namespace ThreatCrowd.Batch.Model;

/// <summary>
/// One related item of an answer, cleaned: <paramref name="Kind"/> is a <see cref="RelationKind"/> name,
/// <paramref name="RelatedType"/> the type of <paramref name="Related"/> (domain, ip, email, file, antivirus,
/// or reference for free text), <paramref name="LastResolved"/> an ISO date (yyyy-MM-dd) or null when there is none.
/// </summary>
internal sealed record Relation(string Kind, string Related, string RelatedType, string? LastResolved);
