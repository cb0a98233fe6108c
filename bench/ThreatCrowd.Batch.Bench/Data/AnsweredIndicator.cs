
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Bench.Data;

/// <summary>One generated answer: its relations as (kind, related, related type, last resolved) and its body.</summary>
internal sealed record AnsweredIndicator(
    IndicatorType Type,
    string Value,
    bool Found,
    int? Votes,
    string? Md5,
    string? Sha1,
    string Permalink,
    IReadOnlyList<(string Kind, string Related, string RelatedType, string? LastResolved)> Relations,
    string RawBody);
