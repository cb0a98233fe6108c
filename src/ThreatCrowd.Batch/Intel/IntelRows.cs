using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Lookups;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Tables;

namespace ThreatCrowd.Batch.Intel;

/// <summary>
/// The rows of one threat-intel file: the flagged indicators of its type, then (with IncludeRelated) the items
/// related to flagged indicators. A file report adds its MD5 and SHA-1 beside the hash it was asked for, so ES
/// matches whichever one an event carries. Nothing the lookups would never send (private and special-use
/// addresses and names, Lookup:Exclude) is listed: a match on one's own network is noise, never intel.
/// </summary>
internal sealed class IntelRows(IFlaggedRows queries, EnterpriseSecurityOptions options, LookupGuard guard)
{
    private readonly IntelEvidence _evidence = new(options.Weights);
    private readonly RelatedValueGate _gate = new(guard);

    public IEnumerable<IntelRow> For(IntelCollection collection)
    {
        var type = collection.Type;
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var indicator in queries.Listed(type.ToName()))
        {
            var description = IntelEvidence.Describe(indicator);
            var weight = _evidence.Weight(indicator);
            foreach (var value in new[] { indicator.Value, indicator.Md5, indicator.Sha1 })
            {
                if (value is not null && listed.Add(value) && _gate.Admit(type, value) is { } admitted)
                {
                    yield return new IntelRow(description, admitted, weight);
                }
            }
        }

        if (!options.IncludeRelated)
        {
            yield break;
        }

        foreach (var related in queries.Related(type.ToName()))
        {
            // Classified as well as guarded: an answer stored before related values were checked on arrival may
            // still hold one that no input would have been let in as.
            if (!listed.Contains(related.Value) && _gate.Admit(type, related.Value) is { } admitted && !listed.Contains(admitted))
            {
                yield return new IntelRow(IntelEvidence.Describe(related), admitted, _evidence.RelatedWeight);
            }
        }
    }
}
