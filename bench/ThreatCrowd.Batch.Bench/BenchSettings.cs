using System.Collections.Immutable;

namespace ThreatCrowd.Batch.Bench;

/// <summary>
/// What one bench run does: which suites, at which sizes (<see cref="Quick"/> takes the small ones, for iterating),
/// how many times each measurement is repeated (figures are medians), and where the data and the built program are.
/// </summary>
internal sealed record BenchSettings(
    bool Quick,
    long Seed,
    int Runs,
    string RepositoryRoot,
    string WorkDirectory,
    ImmutableHashSet<string> Suites)
{
    public static readonly ImmutableArray<string> AllSuites = ["import", "export", "pacing", "resume"];

    /// <summary>The program exactly as <c>./run.sh</c> runs it.</summary>
    public string ProgramPath => Path.Combine(RepositoryRoot, "artifacts", "bin", "ThreatCrowd.Batch", "release", "threatcrowd-batch.dll");

    public string FixtureDirectory => Path.Combine(RepositoryRoot, "samples", "threatcrowd");

    public int ImportRows => Quick ? 100_000 : 1_000_000;

    public int LargeImportRows => Quick ? 500_000 : 5_000_000;

    public int ExportIndicators => Quick ? 10_000 : 100_000;

    public int ExportRelations => Quick ? 200_000 : 2_000_000;

    public int PacedLookups => Quick ? 50 : 200;

    public TimeSpan PacingInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    public int ResumeIndicators => Quick ? 100_000 : 1_000_000;

    public string DataDirectory => Path.Combine(WorkDirectory, "data");

    /// <summary>A fresh, empty folder for one measurement's output.</summary>
    public string Scratch(string name)
    {
        var path = Path.Combine(WorkDirectory, "runs", name);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return path;
    }
}
