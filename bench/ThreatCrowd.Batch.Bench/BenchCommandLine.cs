using System.Collections.Immutable;
using System.Globalization;

namespace ThreatCrowd.Batch.Bench;

/// <summary>
/// <c>[--quick] [--seed N] [--runs N] [--only import,export,pacing,resume,scale,postgres-scale,postgres] [--work DIR] [--program DLL]</c>. Sizes follow the
/// issue unless <c>--quick</c>; each measurement runs three times (one with --quick) and figures are medians.
/// </summary>
internal static class BenchCommandLine
{
    public const string Usage =
        "usage: bench [--quick] [--seed N] [--runs N] [--only import,export,pacing,resume,scale,postgres-scale,postgres] [--work DIR] [--program DLL]\n" +
        "       bench micro [BenchmarkDotNet arguments, e.g. --filter '*']";

    public static BenchSettings Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        var quick = args.Contains("--quick");
        long seed = 42;
        int? runs = null;
        var suites = BenchSettings.AllSuites.ToImmutableHashSet();
        var work = Path.Combine(repositoryRoot, "artifacts", "bench");
        string? program = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    break;
                case "--seed":
                    seed = long.Parse(Value(args, ++i), CultureInfo.InvariantCulture);
                    break;
                case "--runs":
                    runs = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture);
                    break;
                case "--only":
                    suites = Value(args, ++i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableHashSet();
                    var unknown = suites.Except(BenchSettings.AllSuites);
                    if (!unknown.IsEmpty)
                    {
                        throw new ArgumentException($"unknown suite {string.Join(", ", unknown)}\n{Usage}");
                    }

                    break;
                case "--program":
                    program = Path.GetFullPath(Value(args, ++i));
                    break;
                case "--work":
                    work = Path.GetFullPath(Value(args, ++i));
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
            }
        }

        var settings = new BenchSettings(quick, seed, runs ?? (quick ? 1 : 3), repositoryRoot, work, suites);
        return program is null ? settings : settings with { ProgramPath = program };
    }

    /// <summary>The checkout: the folder holding the solution, above this program's build folder.</summary>
    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ThreatCrowd.Batch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository (ThreatCrowd.Batch.sln) above " + AppContext.BaseDirectory);
    }

    private static string Value(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new ArgumentException($"{args[index - 1]} needs a value\n{Usage}");
}
