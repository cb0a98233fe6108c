namespace ThreatCrowd.Batch.Model;

/// <summary>
/// The crowd's verdict from an answer's <c>votes</c>: -1 most voted malicious, 0 a tie, 1 most voted not malicious.
/// (The vote submission API uses the opposite encoding; this is the one answers carry.) It shares the names of an
/// analyst's <see cref="Verdict"/> and adds the two only the crowd can give: mixed and unknown.
/// </summary>
internal static class CrowdVerdict
{
    public const string Mixed = "mixed";
    public const string Unknown = "unknown";

    public static string FromVotes(int? votes) => votes switch
    {
        < 0 => VerdictNames.Malicious,
        0 => Mixed,
        > 0 => VerdictNames.NotMalicious,
        null => Unknown,
    };
}
