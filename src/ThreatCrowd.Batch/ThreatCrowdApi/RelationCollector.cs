using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>
/// Gathers the relations of one answer. The live data repeated rows (the same resolution with different dates,
/// the same label twice); each (kind, related) pair is kept once, where it first appeared, with its latest date.
/// Past <paramref name="maxKept"/> distinct items the rest are only counted: one hostile answer can list millions.
/// </summary>
internal sealed class RelationCollector(int maxKept = int.MaxValue)
{
    private readonly List<Relation> _relations = [];
    private readonly Dictionary<(string Kind, string Related), int> _positions = [];

    /// <summary>Items beyond the cap (a repeat of a cut item counts again: remembering them is what the cap avoids).</summary>
    public int Cut { get; private set; }

    /// <summary>Cleans <paramref name="raw"/> and adds it; values that clean to nothing are dropped.</summary>
    public void Add(string kind, string? raw, Func<string, string> relatedType, bool keepCase = false, string? rawDate = null)
    {
        var related = AnswerValueCleaner.Clean(raw, keepCase);
        if (related is null)
        {
            return;
        }

        var lastResolved = AnswerValueCleaner.Date(rawDate);
        if (_positions.TryGetValue((kind, related), out var position))
        {
            var kept = _relations[position];
            if (string.CompareOrdinal(lastResolved, kept.LastResolved) > 0)
            {
                // ISO dates compare as text; null sorts first, so any real date replaces a missing one.
                _relations[position] = kept with { LastResolved = lastResolved };
            }

            return;
        }

        if (_relations.Count >= maxKept)
        {
            Cut++;
            return;
        }

        _positions.Add((kind, related), _relations.Count);
        _relations.Add(new Relation(kind, related, relatedType(related), lastResolved));
    }

    public IReadOnlyList<Relation> ToList() => _relations.ToArray();
}
