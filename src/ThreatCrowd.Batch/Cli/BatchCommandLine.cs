using System.Data.Common;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Splunk;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Cli;

/// <summary>
/// Parses the command line, runs the verb, and turns every error a user can cause into one clear message and a
/// documented exit code. Nothing below this point writes to the console's error stream on its own.
/// </summary>
internal static class BatchCommandLine
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, RunConsole console, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            var arguments = CommandArguments.Parse(args);
            return arguments.Verb switch
            {
                "help" => Help(console),
                "demo" => await DemoCommand.RunAsync(arguments, console, clock, ct).ConfigureAwait(false),
                "status" => StatusCommand.Run(Load(arguments), console, clock),
                "export" => await ExportCommand.RunAsync(LoadToExport(arguments), console, clock, ct).ConfigureAwait(false),
                "resume" => await ResumeCommand.RunAsync(LoadToExport(arguments), arguments, console, clock, ct).ConfigureAwait(false),
                "schedule" => await ScheduleCommand.RunAsync(LoadToExport(arguments), console, clock, ct).ConfigureAwait(false),
                "vote" => await VoteCommand.RunAsync(Load(arguments), arguments, console, clock, ct).ConfigureAwait(false),
                "inspect" => InspectCommand.Run(Load(arguments), arguments, console),
                "import" => await ImportCommand.RunAsync(LoadToExport(arguments), arguments, console, clock, ct).ConfigureAwait(false),
                _ => await RunCommand.RunAsync(LoadToExport(arguments), arguments, console, clock, ct).ConfigureAwait(false),
            };
        }
        catch (UsageException ex)
        {
            console.Error(ex.Message);
            console.InfoLines(Usage.Text);
            return ExitCodes.BadUsage;
        }
        catch (ConfigurationError ex)
        {
            console.ErrorLines(ex.Message);
            return ExitCodes.BadUsage;
        }
        catch (StoreLockedException ex)
        {
            console.Error(ex.Message);
            return ExitCodes.StoreLocked;
        }
        catch (StoreException ex)
        {
            console.Error(ex.Message);
            return ExitCodes.StoreUnusable;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            console.Error("stopped before any work began.");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or HttpRequestException or StoreFailedException or DbException)
        {
            // Every answer is committed as it arrives, so an error here loses nothing already stored. A database
            // error is the shared store's server gone mid-run (the ADO.NET base type names no database; the SQLite
            // store translates its own at the door).
            console.Error($"{ex.Message} ({ex.GetType().Name}). Every stored answer is kept; fix the cause and run again.");
            return ExitCodes.Unexpected;
        }
    }

    public static int ExitCodeFor(RunEnd end) => end switch
    {
        RunEnd.Interrupted => ExitCodes.Interrupted,
        RunEnd.Unreachable => ExitCodes.Unreachable,
        RunEnd.Paused => ExitCodes.Paused,
        _ => ExitCodes.Ok,
    };

    private static BatchOptions Load(CommandArguments arguments) => BatchConfiguration.Load(arguments.ConfigFile, arguments.Settings);

    // For the verbs that export, the app folder is checked at start as well as at each export, so that a long run is
    // not refused only at its end, after hours of lookups.
    private static BatchOptions LoadToExport(CommandArguments arguments)
    {
        var options = Load(arguments);
        SplunkAppOwner.ThrowIfNotOurs(options.Output);
        return options;
    }

    private static int Help(RunConsole console)
    {
        console.InfoLines(Usage.Text);
        return ExitCodes.Ok;
    }
}
