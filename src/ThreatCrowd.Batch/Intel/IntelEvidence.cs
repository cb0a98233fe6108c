using System.Globalization;
using System.Text;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Intel;

/// <summary>
/// Why an indicator is in a threat-intel file, in an analyst's words, and the weight that evidence earns
/// (Output:EnterpriseSecurity:Weights). The description is what ES shows beside a match.
/// </summary>
internal sealed class IntelEvidence(IntelWeightOptions weights)
{
    private const string Prefix = "ThreatCrowd: ";
    private const string Voted = "voted malicious";
    private const string Feed = "in the crowd-sourced feed";

    public int Weight(ListedIndicator listed) => (listed.Votes < 0, listed.InFeed) switch
    {
        (true, true) => weights.Both,
        (true, false) => weights.VotedMalicious,
        _ => weights.Feed,
    };

    public int RelatedWeight => weights.Related;

    /// <summary>For example "ThreatCrowd: voted malicious; in the crowd-sourced feed; 3 resolutions, 12 hashes".</summary>
    public static string Describe(ListedIndicator listed)
    {
        var text = new StringBuilder(Prefix);
        text.Append(Reasons(listed.Votes, listed.InFeed, "; "));
        var summary = !listed.Answered ? "not looked up yet"
            : !listed.Found ? "not found by the search API"
            : RelationSummary.Of(listed.Counts);
        if (summary.Length > 0)
        {
            text.Append("; ").Append(summary);
        }

        return text.ToString();
    }

    /// <summary>For example "ThreatCrowd: related to aoldaily.com (resolution), in the crowd-sourced feed, and to 2 more flagged indicators".</summary>
    public static string Describe(RelatedIndicator related)
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{Prefix}related to {related.FirstParent} ({related.Relation}), {Reasons(related.ParentVotes, related.ParentInFeed, " and ")}");
        return related.Parents switch
        {
            1 => text,
            2 => text + ", and to 1 more flagged indicator",
            _ => string.Create(CultureInfo.InvariantCulture, $"{text}, and to {related.Parents - 1} more flagged indicators"),
        };
    }

    private static string Reasons(int? votes, bool inFeed, string separator) => (votes < 0, inFeed) switch
    {
        (true, true) => Voted + separator + Feed,
        (true, false) => Voted,
        _ => Feed,
    };
}
