using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Support;

/// <summary>
/// The whole program in-process: the real command line, a real SQLite store in a temp folder (or, given a
/// connection string, a real PostgreSQL store), and the real stand-in server on loopback serving the bundled fixtures. The clock is the fake one, shared with the stand-in,
/// so request times are exact and pacing waits take no real time.
/// </summary>
internal sealed class PipelineHarness : IAsyncDisposable
{
    private readonly string? _postgresConnectionString;

    private PipelineHarness(TempDirectory dir, StandInServer server, FakeClock clock, string? postgresConnectionString)
    {
        Dir = dir;
        Server = server;
        Clock = clock;
        _postgresConnectionString = postgresConnectionString;
    }

    public TempDirectory Dir { get; }

    public StandInServer Server { get; }

    public FakeClock Clock { get; }

    public string StorePath => Dir.File("data/store.db");

    public string OutputDirectory => Dir.File("out");

    /// <param name="postgresConnectionString">The PostgreSQL store every verb uses (Store:Provider postgres); null for the SQLite file.</param>
    public static async Task<PipelineHarness> StartAsync(string? postgresConnectionString = null)
    {
        var clock = new FakeClock { AutoAdvance = true };
        var dir = new TempDirectory();
        if (postgresConnectionString is not null)
        {
            PostgresFakeTime.Follow(postgresConnectionString, clock);
        }

        var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory) { Clock = clock }, CancellationToken.None);
        return new PipelineHarness(dir, server, clock, postgresConnectionString);
    }

    /// <summary>Runs a verb with this harness's store, output and service, plus any further arguments.</summary>
    public async Task<RunOutput> RunAsync(string verb, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        // The harness's settings come first where a test sets none of its own (on the command line the last one wins).
        string[] store = _postgresConnectionString is null
            ? ["--Store:Path=" + StorePath]
            : ["--Store:Provider=postgres", "--Store:ConnectionString=" + _postgresConnectionString];
        string[] defaults =
        [
            "--ThreatCrowd:BaseUrl=" + Server.ApiBaseUrl,
            .. store,
            "--Output:Directory=" + OutputDirectory,
            "--Sources:DefaultFeeds=false",
        ];
        string[] all = [verb, .. defaults.Where(d => !args.Any(a => a.StartsWith(d[..(d.IndexOf('=', StringComparison.Ordinal) + 1)], StringComparison.Ordinal))), .. args];
        var exit = await BatchCommandLine.RunAsync(all, new RunConsole(output, error), Clock, CancellationToken.None);
        return new RunOutput(exit, output.ToString(), error.ToString());
    }

    /// <summary>The values asked of the API, in order (feeds and votes left out).</summary>
    public IReadOnlyList<string> AskedValues() =>
        Server.Requests.Where(r => r.Path.Contains("/report", StringComparison.Ordinal))
            .Select(r => Uri.UnescapeDataString(r.Query[(r.Query.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            .ToList();

    public string Table(string name) => File.ReadAllText(Path.Combine(OutputDirectory, name));

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Dir.Dispose();
    }
}

internal sealed record RunOutput(int Exit, string Output, string Error)
{
    public override string ToString() => $"exit {Exit}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
