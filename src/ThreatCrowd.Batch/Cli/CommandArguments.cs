using System.Globalization;

namespace ThreatCrowd.Batch.Cli;

/// <summary>
/// A parsed command line: the verb, its options, and any <c>--Section:Key=value</c> settings, which are handed to
/// the configuration as its last layer.
/// </summary>
internal sealed record CommandArguments(string Verb, string? ConfigFile, IReadOnlyList<string> Inputs, int? MaxLookups, IReadOnlyList<string> Settings)
{
    public static readonly IReadOnlyList<string> Verbs = ["run", "resume", "status", "export", "import", "vote", "inspect", "schedule", "demo", "help"];

    /// <summary>--until HH:MM: the time of day at which this run stops looking up (overrides Lookup:StopAt).</summary>
    public string? Until { get; init; }

    /// <summary>--confirm: vote really sends; without it, it only lists what it would send.</summary>
    public bool Confirm { get; init; }

    /// <summary>--no-tables: import only reads into the store; the next run or export writes the tables.</summary>
    public bool NoTables { get; init; }

    public static CommandArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help")
        {
            return new CommandArguments("help", null, [], null, []);
        }

        var verb = args[0];
        if (!Verbs.Contains(verb))
        {
            throw new UsageException($"unknown command \"{verb}\".");
        }

        string? config = null;
        int? maxLookups = null;
        string? until = null;
        var confirm = false;
        var noTables = false;
        var inputs = new List<string>();
        var settings = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--config":
                    config = Value(args, ref i, arg);
                    break;
                case "--confirm" when verb is "vote":
                    confirm = true;
                    break;
                case "--no-tables" when verb is "import":
                    noTables = true;
                    break;
                case "--input" when verb is "run" or "import" or "vote" or "inspect":
                    inputs.Add(Value(args, ref i, arg));
                    break;
                case "--max-lookups" when verb is "run" or "resume":
                    var text = Value(args, ref i, arg);
                    maxLookups = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                        ? n
                        : throw new UsageException($"--max-lookups takes a whole number of 0 or more, not \"{text}\".");
                    break;
                case "--until" when verb is "run" or "resume":
                    until = Value(args, ref i, arg);
                    if (!Configuration.TimeOfDay.TryParse(until, out _))
                    {
                        throw new UsageException($"--until takes a time of day such as 06:00, not \"{until}\".");
                    }

                    break;
                case "-h" or "--help":
                    return new CommandArguments("help", null, [], null, []);
                case var file when verb is "inspect" && !file.StartsWith('-'):
                    inputs.Add(file);
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal))
                    {
                        settings.Add(arg);
                        if (!arg.Contains('=', StringComparison.Ordinal))
                        {
                            settings.Add(Value(args, ref i, arg));
                        }

                        break;
                    }

                    throw new UsageException($"\"{arg}\" is not an option of \"{verb}\".");
            }
        }

        return new CommandArguments(verb, config, inputs, maxLookups, settings) { Until = until, Confirm = confirm, NoTables = noTables };
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string option) =>
        ++i < args.Count && !string.IsNullOrEmpty(args[i]) ? args[i] : throw new UsageException($"{option} needs a value.");
}
