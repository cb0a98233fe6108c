using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace ThreatCrowd.Batch.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests that need the real server: initdb in a temporary folder, the server on
/// a free loopback port (and a unix socket in the same folder), a superuser with a password over TCP, one fresh
/// database per test. It is stopped and its folder deleted when the tests using it end, whether they passed or not,
/// and at the latest when the test process exits. The server refuses to run as root, so as root every server
/// program runs as the <c>postgres</c> user, which then owns the folder.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    public const string ServerUser = "postgres";

    /// <summary>
    /// Whether a commit waits for its WAL to be written, as a server's default is. The other tests' servers do not
    /// wait, for speed; a test that stops the server at once and counts what survived needs the wait, or the commits
    /// of the last 0.6 s are lost by configuration.
    /// </summary>
    public bool SynchronousCommit { get; init; }

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private int _databases;

    private string? _password;

    private bool _started;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "tcb-pg-" + Guid.NewGuid().ToString("N")[..12]);

    public string DataDirectory => Path.Combine(Folder, "data");

    public string SocketDirectory => Path.Combine(Folder, "socket");

    public string LogFile => Path.Combine(Folder, "server.log");

    public int Port { get; private set; }

    internal PostgresBinaries Binaries { get; private set; } = null!;

    /// <summary>The superuser's connection string to the cluster's <c>postgres</c> database.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>The superuser's password, for tests that check it is never printed.</summary>
    public string Password => _password ?? throw new InvalidOperationException("the cluster has not started");

    public async Task InitializeAsync()
    {
        Binaries = PostgresBinaries.Find();
        _password = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(SocketDirectory);
        var passwordFile = Path.Combine(Folder, "password");
        await File.WriteAllTextAsync(passwordFile, _password).ConfigureAwait(false);
        if (RunsAsRoot)
        {
            await RunAsync("chown", ["-R", $"{ServerUser}:{ServerUser}", Folder], asServerUser: false).ConfigureAwait(false);
        }

        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
        await RunAsync(Binaries.InitDb, ["-D", DataDirectory, "-U", ServerUser, "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"]).ConfigureAwait(false);
        File.Delete(passwordFile);
        await StartOnFreePortAsync().ConfigureAwait(false);
    }

    /// <summary>A new, empty database; its connection string, as the superuser.</summary>
    /// <param name="icuLocale">
    /// A language whose order the database's text follows (ICU's "en-US": "a" before "B", accents beside their
    /// letter), unlike the cluster's byte order; null for the cluster's.
    /// </param>
    public async Task<string> CreateDatabaseAsync(string? icuLocale = null)
    {
        var name = "test_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        var collation = icuLocale is null ? "" : $" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '{icuLocale}'";
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{collation}", connection);
        await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = ServerUser,
        Password = _password,
        Database = database,
        // Each test's database goes with its pool: no idle connection of a finished test holds the server's slots.
        Pooling = false,
        Timeout = 30,
    }.ConnectionString;

    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        await Task.Run(Stop).ConfigureAwait(false);
    }

    /// <summary>Stops the server at once, as a crash or a failover of the database host would (its files stay).</summary>
    public Task CrashServerAsync() =>
        RunAsync(Binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "60"]);

    /// <summary>Starts the server again on the same port after <see cref="CrashServerAsync"/>: it recovers from its WAL.</summary>
    public Task RestartServerAsync() =>
        RunAsync(Binaries.PgCtl, ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "120", "-o", ServerOptions(Port)]);

    private static bool RunsAsRoot => Environment.UserName == "root";

    private string ServerOptions(int port) => string.Join(' ',
        "-c listen_addresses=127.0.0.1",
        "-p " + port.ToString(CultureInfo.InvariantCulture),
        "-k " + SocketDirectory,
        "-c fsync=off -c full_page_writes=off",
        "-c synchronous_commit=" + (SynchronousCommit ? "on" : "off"),
        "-c max_connections=200");

    private async Task StartOnFreePortAsync()
    {
        // The free port is asked of the OS and released before the server binds it: another program can take it in
        // between, so a start that fails for that is tried again on another port.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Find();
            var options = ServerOptions(Port);
            try
            {
                await RunAsync(Binaries.PgCtl, ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "120", "-o", options]).ConfigureAwait(false);
                _started = true;
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && ServerLog().Contains("could not bind", StringComparison.Ordinal))
            {
            }
        }
    }

    private void StopOnExit(object? sender, EventArgs e) => Stop();

    private void Stop()
    {
        if (_started)
        {
            _started = false;
            try
            {
                RunAsync(Binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "60"]).GetAwaiter().GetResult();
            }
            catch (InvalidOperationException)
            {
                KillPostmaster();
            }
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A server process still closing a file; the OS temp cleaner gets the folder later.
        }
    }

    private void KillPostmaster()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            try
            {
                using var postmaster = Process.GetProcessById(pid);
                postmaster.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }

    private string ServerLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : string.Empty;

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asServerUser = true)
    {
        var start = new ProcessStartInfo
        {
            FileName = asServerUser && RunsAsRoot ? "runuser" : program,
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServerUser && RunsAsRoot)
        {
            foreach (var prefix in (string[])["-u", ServerUser, "--", program])
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The server's messages in English whatever the machine's language, so a failure reads the same everywhere.
        start.Environment["LC_MESSAGES"] = "C";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish within {Patience.TotalMinutes} minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output.ConfigureAwait(false)}{await error.ConfigureAwait(false)}\nserver log:\n{ServerLog()}");
        }
    }
}

/// <summary>The tests that share one throwaway cluster (each in a database of its own).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}
