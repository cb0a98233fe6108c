using System.Globalization;
using Spectre.Console;
using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Reporting;

/// <summary>
/// The live display on a terminal: a bar with done/total, the rate, the time left at the interval, the indicator
/// being asked, and the counts so far. Failures and skips are also printed above the bar, so they stay on screen.
/// </summary>
internal sealed class LiveLookupProgress(IAnsiConsole console, ProgressTask task, int total, TimeSpan interval, TimeProvider clock) : ILookupProgress
{
    private readonly DateTimeOffset _started = clock.GetUtcNow();
    private int _done;
    private int _found;
    private int _notFound;
    private int _failed;

    public void Starting(Indicator indicator) => Describe(indicator.ToString());

    public void Answered(Indicator indicator, LookupAnswer answer)
    {
        if (answer.Found)
        {
            _found++;
        }
        else
        {
            _notFound++;
        }

        Advance();
    }

    public void Failed(Indicator indicator, string reason, int attempts)
    {
        _failed++;
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]failed[/] {PrintableText.Escape(indicator.ToString())} after {attempts} attempt(s): {PrintableText.Escape(reason)}");
        Advance();
    }

    public void Skipped(Indicator indicator, string why)
    {
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]skipped[/] {PrintableText.Escape(indicator.ToString())}: {PrintableText.Escape(why)}");
        Advance();
    }

    private void Advance()
    {
        _done++;
        task.Increment(1);
        Describe(null);
    }

    private void Describe(string? current)
    {
        var elapsed = clock.GetUtcNow() - _started;
        var perHour = elapsed > TimeSpan.Zero ? _done / elapsed.TotalHours : 0;
        var left = Durations.Humanize(interval * (total - _done));
        var now = current is null ? string.Empty : $" · asking {current}";
        task.Description = Markup.Escape(PrintableText.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"{_done:N0}/{total:N0} · {perHour:N0}/h · {left} left · found {_found:N0}, not found {_notFound:N0}, failed {_failed:N0}{now}")));
    }
}
