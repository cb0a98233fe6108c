using Spectre.Console;
using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Reporting;

/// <summary>
/// What a run tells its operator: progress and summaries on standard output, warnings and errors on standard
/// error. Plain lines without control characters, so they read the same in cron mail, the journal and a log; on a
/// terminal (<paramref name="live"/>) the lookups show as a live display instead of a line each.
/// </summary>
internal sealed class RunConsole(TextWriter output, TextWriter error, bool live = false)
{
    /// <summary>Runs the lookup loop with the progress display this console has.</summary>
    public async Task<T> WithLookupProgressAsync<T>(int total, TimeSpan interval, TimeProvider clock, Func<ILookupProgress, Task<T>> work)
    {
        if (!live)
        {
            return await work(new LookupProgress(this, total, interval)).ConfigureAwait(false);
        }

        // Only ever live on a terminal, so the display can count on one.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
        });
        return await console.Progress()
            .AutoClear(false)
            .Columns(new ProgressBarColumn(), new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                var task = context.AddTask("starting", maxValue: Math.Max(total, 1));
                return await work(new LiveLookupProgress(console, task, total, interval, clock)).ConfigureAwait(false);
            })
            .ConfigureAwait(false);
    }

    // Every line goes through PrintableText: what is printed may quote a server or an input, and neither may
    // reach the terminal as a control sequence or as a line break that fakes a line of its own.
    public void Info(string line) => output.WriteLine(PrintableText.Escape(line));

    /// <summary>Text of several lines laid out by the program itself (the usage text): each line printed as one.</summary>
    public void InfoLines(string text)
    {
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            Info(line);
        }
    }

    public void Warn(string line) => error.WriteLine("warning: " + PrintableText.Escape(line));

    public void Error(string line) => error.WriteLine("error: " + PrintableText.Escape(line));

    /// <summary>An error of several lines (one per wrong setting): the first marked as the error, the others indented under it.</summary>
    public void ErrorLines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        Error(lines[0]);
        foreach (var line in lines.Skip(1))
        {
            error.WriteLine(PrintableText.Escape(line));
        }
    }
}
