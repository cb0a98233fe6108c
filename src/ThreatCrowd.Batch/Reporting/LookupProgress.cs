using System.Globalization;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Reporting;

/// <summary>
/// One plain line per lookup (position, indicator, outcome, how long the rest will take at the interval): what cron
/// mail, systemd's journal and log files get. No control characters.
/// </summary>
internal sealed class LookupProgress(RunConsole console, int total, TimeSpan interval) : ILookupProgress
{
    private int _done;

    public void Starting(Indicator indicator)
    {
    }

    public void Answered(Indicator indicator, LookupAnswer answer) =>
        Line(indicator, answer.Found ? "found" + Summary(answer) : "not found");

    public void Failed(Indicator indicator, string reason, int attempts) =>
        Line(indicator, string.Create(CultureInfo.InvariantCulture, $"failed after {attempts} attempt{(attempts == 1 ? "" : "s")}: {reason}"));

    public void Skipped(Indicator indicator, string why) => Line(indicator, "skipped: " + why);

    private void Line(Indicator indicator, string outcome)
    {
        _done++;
        var width = total.ToString(CultureInfo.InvariantCulture).Length;
        var position = _done.ToString(CultureInfo.InvariantCulture).PadLeft(width);
        var eta = total > _done ? $" (about {Durations.Humanize(interval * (total - _done))} left)" : string.Empty;
        console.Info($"[{position}/{total}] {indicator}: {outcome}{eta}");
    }

    private static string Summary(LookupAnswer answer)
    {
        var parts = answer.Relations
            .GroupBy(r => r.Kind)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {Plural(g.Key, g.Count())}"))
            .ToList();
        if (answer.Votes is { } votes)
        {
            parts.Add("votes " + votes.ToString(CultureInfo.InvariantCulture));
        }

        if (answer.RelationsCut > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{answer.RelationsCut:N0} more related items cut"));
        }

        return parts.Count == 0 ? string.Empty : " (" + string.Join(", ", parts) + ")";
    }

    private static string Plural(string kind, int count) => count == 1 ? kind : kind switch
    {
        "hash" => "hashes",
        "email" => "emails",
        _ => kind + "s",
    };
}
