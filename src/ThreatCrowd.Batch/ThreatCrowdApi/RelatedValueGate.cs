using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>
/// The service's related items are untrusted input. Before an answer is stored (and so before any table, the
/// threat-intel files and the relations table alike), each related domain, address, e-mail and hash is classified
/// and guarded exactly like a value from an input file: one that would be refused as an input is not kept (a path
/// as a hash, <c>../x.traversal.com</c>, <c>'=x@y.com</c>, a bidi-reversed name, a private address, a name on
/// Lookup:Exclude), and one that is kept is kept in its normalized form. References and scan labels are free text,
/// kept as cleaned. The same test serves the threat-intel files, for answers stored before it existed.
/// </summary>
internal sealed class RelatedValueGate(SendGuard guard)
{
    private readonly IndicatorClassifier _classifier = new();

    public LookupAnswer Admit(LookupAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var kept = new List<Relation>(answer.Relations.Count);
        var positions = new Dictionary<(string Kind, string Related), int>();
        foreach (var relation in answer.Relations)
        {
            if (Admit(relation) is not { } admitted)
            {
                continue;
            }

            // Two raw values can normalize to one (a trailing dot, an IDN and its punycode): kept once, latest date.
            if (positions.TryGetValue((admitted.Kind, admitted.Related), out var position))
            {
                if (string.CompareOrdinal(admitted.LastResolved, kept[position].LastResolved) > 0)
                {
                    kept[position] = kept[position] with { LastResolved = admitted.LastResolved };
                }

                continue;
            }

            positions.Add((admitted.Kind, admitted.Related), kept.Count);
            kept.Add(admitted);
        }

        return answer with
        {
            Md5 = Admit(IndicatorType.File, answer.Md5),
            Sha1 = Admit(IndicatorType.File, answer.Sha1),
            Relations = kept,
        };
    }

    /// <summary>The value as an input of this type would be stored, or null when it would be refused.</summary>
    public string? Admit(IndicatorType type, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var indicator = _classifier.Classify(value, type.ToName()).Indicator;
        return indicator is not null && indicator.Type == type && guard.WhyNotAllowed(indicator) is null ? indicator.Value : null;
    }

    private Relation? Admit(Relation relation)
    {
        if (!IndicatorTypeNames.TryParse(relation.RelatedType, out var type) || type == IndicatorType.Antivirus)
        {
            return relation;
        }

        return Admit(type, relation.Related) is { } value
            ? (value == relation.Related ? relation : relation with { Related = value })
            : null;
    }
}
