using Npgsql;
using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Cli;

/// <summary>
/// The shared store's database server goes down in the middle of a run (a crash, a failover of the database host):
/// the run ends with a failed operation and a message that names no secret, every answer stored before is still
/// there when the server is back, and <c>resume</c> asks only the rest.
/// </summary>
public sealed class DatabaseCrashTests : IAsyncLifetime
{
    // Its own, so that the other PostgreSQL tests' server stays up; committing as a server does by default, so that
    // what was committed before the crash is what survives it.
    private readonly PostgresCluster _cluster = new() { SynchronousCommit = true };

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task A_run_whose_database_server_stops_ends_as_failed_keeps_its_answers_and_resume_asks_the_rest()
    {
        using var dir = new TempDirectory();
        await using var server = await StrictServer.StartAsync(TimeSpan.FromMilliseconds(300), dir.File("arrivals.txt"));
        var values = Enumerable.Range(1, 12).Select(i => $"host{i:00}-dbcrash.net").ToList();
        var input = dir.Write("in.csv", "domain\n" + string.Join('\n', values) + "\n");
        var connectionString = await _cluster.CreateDatabaseAsync();
        var environment = new Dictionary<string, string> { ["TCB_Store__ConnectionString"] = connectionString };
        string[] settings =
        [
            "--Store:Provider=postgres", "--ThreatCrowd:BaseUrl=" + server.ApiBaseUrl, "--ThreatCrowd:RequestInterval=00:00:00.300",
            "--Sources:DefaultFeeds=false", "--Output:Directory=" + dir.File("out"),
        ];

        using var run = ProgramProcess.Start(dir.Path, environment, ["run", "--input", input, .. settings]);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (Asked(server).Count < 4)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, run.Output + run.Error);
            await Task.Delay(20);
        }

        await _cluster.CrashServerAsync();
        var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(90));
        var report = $"--- stdout\n{run.Output}\n--- stderr\n{run.Error}";

        exit.ShouldBe(ExitCodes.Unexpected, report);
        run.Error.ShouldContain("Every stored answer is kept", Case.Sensitive, report);
        (run.Output + run.Error).ShouldNotContain(_cluster.Password);

        await _cluster.RestartServerAsync();
        var answeredBefore = await AnsweredAsync(connectionString);
        answeredBefore.Count.ShouldBeGreaterThanOrEqualTo(3, "the answers committed before the crash survive it: " + report);
        var askedBefore = Asked(server).Count;

        using var resume = ProgramProcess.Start(dir.Path, environment, ["resume", .. settings]);
        (await resume.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBe(ExitCodes.Ok, resume.Output + resume.Error);

        (await AnsweredAsync(connectionString)).ShouldBe(values, ignoreOrder: true);
        var askedByResume = Asked(server).Skip(askedBefore).ToList();
        askedByResume.ShouldNotContain(v => answeredBefore.Contains(v), "resume asks only what was not answered");
        askedByResume.Count.ShouldBeLessThanOrEqualTo(values.Count - answeredBefore.Count + 1, "at most the one in flight at the crash is asked again");
    }

    private static async Task<List<string>> AnsweredAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT i.value FROM indicators i JOIN answers a ON a.indicator_id = i.id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static List<string> Asked(StandInServer server) =>
        server.Requests.Where(r => r.Path.Contains("/report", StringComparison.Ordinal))
            .Select(r => Uri.UnescapeDataString(r.Query[(r.Query.IndexOf('=', StringComparison.Ordinal) + 1)..])).ToList();
}
