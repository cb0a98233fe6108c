
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Votes;

/// <summary>
/// One row of a vote file: the classified indicator and its verdict, or the <paramref name="Problem"/> that keeps
/// it from being sent, with the file and line it came from (line 0: the file as a whole).
/// </summary>
internal sealed record VoteLine(string Source, long Line, string Value, Indicator? Indicator, Verdict Verdict, string? Problem)
{
    public static VoteLine Refused(string source, long line, string value, string problem) =>
        new(source, line, value, null, Verdict.Malicious, problem);
}
