using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Runs;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Cli;

/// <summary>
/// <c>demo</c>: the whole pipeline offline. Starts the stand-in on loopback, serving the real responses and feeds
/// bundled under samples/threatcrowd, imports samples/demo/indicators.csv and the feeds, looks everything up at a
/// short interval into a fresh store, and writes the tables to out/demo.
/// </summary>
internal static class DemoCommand
{
    private const string DemoDirectory = "out/demo";

    public static async Task<int> RunAsync(CommandArguments arguments, RunConsole console, TimeProvider clock, CancellationToken ct)
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        await using var server = await StandInServer.StartAsync(new StandInOptions(Path.Combine(samples, "threatcrowd")), ct).ConfigureAwait(false);
        console.Info($"stand-in ThreatCrowd service listening on {server.Root}");

        var store = Path.Combine(DemoDirectory, "threatcrowd.db");
        // A fresh store every time, so the demo always shows the whole pipeline.
        foreach (var leftover in new[] { store, store + "-wal", store + "-shm" }.Where(File.Exists))
        {
            File.Delete(leftover);
        }

        var options = BatchConfiguration.Load(arguments.ConfigFile, arguments.Settings, new Dictionary<string, string?>
        {
            ["ThreatCrowd:BaseUrl"] = server.ApiBaseUrl.ToString(),
            ["ThreatCrowd:RequestInterval"] = "00:00:00.200",
            ["Sources:DefaultFeeds"] = "true",
            ["Sources:CsvFiles:0"] = Path.Combine(samples, "demo", "indicators.csv"),
            ["Store:Path"] = store,
            ["Output:Directory"] = DemoDirectory,
        });

        using var session = BatchSession.Open(options, clock, console, exclusive: true);
        var end = await new BatchRun(session).ExecuteAsync("demo", importSources: true, [], 0, ct).ConfigureAwait(false);
        console.InfoLines($"""

            The tables are in {Path.GetFullPath(DemoDirectory)}:
              threatcrowd_indicators.csv / .json   one row per indicator
              threatcrowd_relations.csv / .json    one row per related item
              threatcrowd_changes.csv / .json      what was added or removed since the previous export
              threatcrowd_*_intel.csv              threat intelligence for Splunk Enterprise Security
              rejects.csv                          values not looked up, and why
              splunk/TA-threatcrowd/               a Splunk app: copy it into $SPLUNK_HOME/etc/apps/
              splunk/TA-threatcrowd.tgz            the same app packaged, for Splunk Cloud or a cluster's deployer
            Every table and column: docs/tables.md
            Try: ./run.sh status --Store:Path={store}
            """);
        return BatchCommandLine.ExitCodeFor(end);
    }
}
