using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ThreatCrowd.Batch.Bench.Measure;

/// <summary>
/// A throwaway PostgreSQL cluster for the postgres suite: initdb in a temporary folder, the server on a free loopback
/// port with trust authentication, stopped and deleted at the end. The server refuses to run as root, so as root its
/// programs run as the <c>postgres</c> user. Durability settings are the server's defaults: the figures are those of
/// a real server, and the psql baseline writes to the same one.
/// </summary>
internal sealed class BenchCluster : IDisposable
{
    private const string ServerUser = "postgres";

    private readonly string _bin;

    private BenchCluster(string bin, string folder, int port)
    {
        _bin = bin;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    public string Psql => Path.Combine(_bin, "psql");

    /// <summary>The newest /usr/lib/postgresql/N/bin, or null when PostgreSQL's server is not installed.</summary>
    public static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    public static BenchCluster Start(string bin)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tcb-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        if (Environment.UserName == "root")
        {
            Run("chown", ["-R", $"{ServerUser}:{ServerUser}", folder], asServer: false);
        }

        var data = Path.Combine(folder, "data");
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", ServerUser, "--auth=trust", "-E", "UTF8", "--locale=C"]);
        var port = FreePort();
        Run(Path.Combine(bin, "pg_ctl"), ["start", "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "120",
            "-o", string.Create(CultureInfo.InvariantCulture, $"-c listen_addresses=127.0.0.1 -p {port} -k {folder}")]);
        return new BenchCluster(bin, folder, port);
    }

    public string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username={ServerUser};Database={database};Pooling=false");

    /// <summary>Runs one SQL command through psql against <paramref name="database"/>.</summary>
    public void Sql(string database, string sql) =>
        Run(Psql, ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", ServerUser, "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql], asServer: false);

    public void Dispose()
    {
        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), ["stop", "-D", Path.Combine(Folder, "data"), "-m", "immediate", "-w"]);
        }
        finally
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, IReadOnlyList<string> arguments, bool asServer = true)
    {
        var start = new ProcessStartInfo(asServer && Environment.UserName == "root" ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asServer && Environment.UserName == "root")
        {
            foreach (var prefix in new[] { "-u", ServerUser, "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {output.Result}{error.Result}");
        }
    }
}
