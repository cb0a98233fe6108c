namespace ThreatCrowd.Batch.Store;

/// <summary>
/// The crowd's verdict from an answer's <c>votes</c>: -1 most voted malicious, 0 a tie, 1 most voted not malicious.
/// (The vote submission API uses the opposite encoding; this is the one answers carry.)
/// </summary>
internal static class Verdicts
{
    public static string FromVotes(int? votes) => votes switch
    {
        < 0 => "malicious",
        0 => "mixed",
        > 0 => "not_malicious",
        null => "unknown",
    };
}
