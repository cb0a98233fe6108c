using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Runs;

/// <summary>
/// One run over the real fixtures with every output on (default feeds, related intel, HEC files, the Splunk app),
/// shared by the tests that only read what it wrote. The store is a SQLite file; see <see cref="PostgresFixtureExport"/>.
/// </summary>
public class FixtureExport : IAsyncLifetime
{
    public const string Input =
        """
        indicator,type
        aoldaily[.]com,
        188.40.75.132,
        william19770319@yahoo.com,
        ec8c89aa5e521572c74e2dd02a4daf78,
        plugx,antivirus
        unknown-to-the-service.net,
        10.1.2.3,

        """;

    private PipelineHarness? _harness;

    internal PipelineHarness Harness => _harness ?? throw new InvalidOperationException("Not started.");

    internal RunOutput Result { get; private set; } = new(-1, string.Empty, string.Empty);

    public string Out => Harness.OutputDirectory;

    public string App => Path.Combine(Out, "splunk", "TA-threatcrowd");

    public virtual async Task InitializeAsync()
    {
        _harness = await PipelineHarness.StartAsync(await StoreConnectionStringAsync());
        var input = _harness.Dir.Write("input/iocs.csv", Input);
        Result = await _harness.RunAsync(
            "run", "--input", input, "--Sources:DefaultFeeds=true", "--Output:EnterpriseSecurity:IncludeRelated=true",
            "--Output:Splunk:Hec=true", "--Output:Splunk:HecIndex=threat_intel");
    }

    public virtual async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    /// <summary>The PostgreSQL store the run uses; null for a SQLite file.</summary>
    protected virtual Task<string?> StoreConnectionStringAsync() => Task.FromResult<string?>(null);

    /// <summary>Every file under the output folder, as paths relative to it with '/' separators, in ordinal order.</summary>
    public IReadOnlyList<string> Files() =>
        [.. Directory.GetFiles(Out, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Out, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];

    /// <summary>A file's text with what differs between runs (the temporary folder, the stand-in's port) made fixed.</summary>
    public string Normalized(string relativePath) =>
        File.ReadAllText(Path.Combine(Out, relativePath))
            .Replace(Harness.Dir.Path, "{dir}", StringComparison.Ordinal)
            .Replace(Harness.Server.Root.ToString().TrimEnd('/'), "{stand-in}", StringComparison.Ordinal);
}
