using System.Collections.Immutable;
using ThreatCrowd.Batch.Bench.Suites;

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
    public static readonly ImmutableArray<string> AllSuites = ["import", "export", "pacing", "resume", "scale", PostgresScaleSuite.Name, "postgres"];

    /// <summary>The program exactly as <c>./run.sh</c> runs it, unless <c>--program</c> names another build (an older one, to compare).</summary>
    public string ProgramPath { get; init; } = Path.Combine(RepositoryRoot, "artifacts", "bin", "ThreatCrowd.Batch", "release", "threatcrowd-batch.dll");

    public string FixtureDirectory => Path.Combine(RepositoryRoot, "samples", "threatcrowd");

    public int ImportRows => Quick ? 100_000 : 1_000_000;

    public int LargeImportRows => Quick ? 500_000 : 5_000_000;

    public int ExportIndicators => Quick ? 10_000 : 100_000;

    public int ExportRelations => Quick ? 200_000 : 2_000_000;

    /// <summary>Lookups of the one-process pacing run at <see cref="PacingInterval"/>.</summary>
    public int PacedLookups => Quick ? 20 : 60;

    /// <summary>Processes started one after another, two lookups each, to see the gaps across restarts.</summary>
    public int PacedRestarts => Quick ? 4 : 8;

    /// <summary>The shortest interval the pacing is held to (at least 95 % of the allowance used).</summary>
    public TimeSpan PacingInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The service's own interval (at least 99 % used); a minute or more per run, so left out of --quick.</summary>
    public TimeSpan ServiceInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Lookups of the run at <see cref="ServiceInterval"/>; none with --quick.</summary>
    public int ServicePacedLookups => Quick ? 0 : 7;

    public int ResumeIndicators => Quick ? 100_000 : 1_000_000;

    /// <summary>The big store of the scale suite; it is held against an empty store and one a quarter its size.</summary>
    public int ScaleIndicators => Quick ? 400_000 : 4_000_000;

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
