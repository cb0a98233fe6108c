namespace ThreatCrowd.Batch.Bench.Measure;

/// <summary>Runs the built program, and the sqlite3 shell beside it, as child processes.</summary>
internal sealed class ProgramRunner(BenchSettings settings)
{
    public const string Sqlite3 = "sqlite3";

    public static bool HasSqlite3 => Environment.GetEnvironmentVariable("PATH")?.Split(':').Any(d => File.Exists(Path.Combine(d, Sqlite3))) == true;

    public Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, CancellationToken ct) =>
        ChildProcess.RunAsync("dotnet", [settings.ProgramPath, .. arguments], workingDirectory, ct);

    public static Task<ProcessResult> RunSqliteAsync(string database, string script, string workingDirectory, CancellationToken ct) =>
        ChildProcess.RunAsync(Sqlite3, ["-batch", database], workingDirectory, ct, standardInput: script);

    /// <summary>The command as a person would type it from the repository root, for the record.</summary>
    public string Describe(IReadOnlyList<string> arguments) =>
        "dotnet " + string.Join(' ', new[] { settings.ProgramPath }.Concat(arguments).Select(Relative));

    public string Relative(string text) => text.Replace(settings.RepositoryRoot + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    /// <summary>Fails loudly: a benchmark of a run that did not work measures nothing.</summary>
    public static ProcessResult EnsureSucceeded(ProcessResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} exited with {result.ExitCode}:\n{result.Output}\n{result.Error}");
        }

        return result;
    }
}
