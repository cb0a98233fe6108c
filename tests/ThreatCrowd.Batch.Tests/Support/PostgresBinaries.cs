namespace ThreatCrowd.Batch.Tests.Support;

/// <summary>
/// Where PostgreSQL's server programs are: Debian puts them in /usr/lib/postgresql/VERSION/bin, off PATH, so that
/// folder is searched first (the newest version), then PATH. Missing, it says how to install them: a test that needs
/// a real server fails, never skips.
/// </summary>
internal sealed record PostgresBinaries(string Directory)
{
    public const string DebianRoot = "/usr/lib/postgresql";

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    public string Psql => Path.Combine(Directory, "psql");

    public static PostgresBinaries Find() => Find(DebianRoot, Environment.GetEnvironmentVariable("PATH") ?? string.Empty);

    public static PostgresBinaries Find(string debianRoot, string path)
    {
        var versioned = System.IO.Directory.Exists(debianRoot)
            ? System.IO.Directory.GetDirectories(debianRoot)
                .Select(version => (Version: int.TryParse(Path.GetFileName(version), out var number) ? number : -1, Bin: Path.Combine(version, "bin")))
                .OrderByDescending(found => found.Version)
                .Select(found => found.Bin)
            : [];
        var onPath = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var candidate in versioned.Concat(onPath))
        {
            if (File.Exists(Path.Combine(candidate, "initdb")) && File.Exists(Path.Combine(candidate, "pg_ctl")))
            {
                return new PostgresBinaries(ResolveLink(candidate));
            }
        }

        throw new InvalidOperationException(
            $"PostgreSQL's server programs (initdb, pg_ctl) were found neither in {debianRoot}/*/bin nor on PATH. " +
            "The PostgreSQL tests need a real server: install Debian's package (apt-get install -y postgresql; .ci/run does it), then run the tests again.");
    }

    // /usr/local/bin/initdb may be a link into /usr/lib/postgresql/15/bin: pg_ctl finds postgres beside the real file.
    private static string ResolveLink(string directory)
    {
        var initDb = new FileInfo(Path.Combine(directory, "initdb"));
        return initDb.ResolveLinkTarget(returnFinalTarget: true) is { } target ? Path.GetDirectoryName(target.FullName)! : directory;
    }
}
