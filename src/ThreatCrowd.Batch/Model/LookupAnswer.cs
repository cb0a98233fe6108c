namespace ThreatCrowd.Batch.Model;

/// <summary>
/// A parsed answer. <paramref name="Found"/> is false for response_code 0, a real result. <paramref name="Votes"/>
/// is null when the answer carries none (unknown, not 0). <paramref name="RawBody"/> is the body as received.
/// </summary>
internal sealed record LookupAnswer(
    bool Found,
    int? Votes,
    string? Permalink,
    string? Md5,
    string? Sha1,
    IReadOnlyList<Relation> Relations,
    string RawBody)
{
    /// <summary>Related items the answer held beyond Lookup:MaxRelationsPerAnswer, not kept.</summary>
    public int RelationsCut { get; init; }
}
