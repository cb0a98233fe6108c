namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// What a run tells its operator: progress and summaries on standard output, warnings and errors on standard
/// error. Plain lines without control characters, so they read the same on a terminal, in cron mail and in a log.
/// </summary>
internal sealed class RunConsole(TextWriter output, TextWriter error)
{
    public TextWriter Output => output;

    public void Info(string line) => output.WriteLine(line);

    public void Warn(string line) => error.WriteLine("warning: " + line);

    public void Error(string line) => error.WriteLine("error: " + line);
}
