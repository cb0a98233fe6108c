namespace ThreatCrowd.Batch.Configuration;

/// <summary>Section <c>Output</c>: where the tables are written, what they leave out, and what goes with them.</summary>
internal sealed class OutputOptions
{
    public string Directory { get; init; } = "out";

    /// <summary>
    /// Indicators that no input or feed has named for longer than this leave the tables (not the store), so intel
    /// ages out of the SIEM. Zero keeps everything: dropping data is never a default.
    /// </summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.Zero;

    /// <summary>How long a detected change stays in the change table (and in the store's history).</summary>
    public TimeSpan ChangesKeep { get; init; } = TimeSpan.FromDays(30);

    /// <summary>
    /// A CSV table larger than this gets a warning: 25 MB is Splunk's max_memtable_bytes, above which a lookup
    /// is indexed on disk and every lookup in it is slower. Zero never warns.
    /// </summary>
    public double WarnAboveMegabytes { get; init; } = 25;

    public SplunkOptions Splunk { get; init; } = new();

    public EnterpriseSecurityOptions EnterpriseSecurity { get; init; } = new();

    /// <summary>The app's folder: Output:Splunk:AppDirectory, or its default under Output:Directory.</summary>
    public string SplunkAppFolder =>
        string.IsNullOrWhiteSpace(Splunk.AppDirectory) ? Path.Combine(Directory, "splunk", "TA-threatcrowd") : Splunk.AppDirectory;

    /// <summary>The app's id, which Splunk requires to be the name of its folder.</summary>
    public string SplunkAppName => Path.GetFileName(Path.TrimEndingDirectorySeparator(SplunkAppFolder));

    /// <summary>
    /// Output:Directory is the app's own lookups/ folder, where only defined lookups may be: the tables that are not
    /// lookups (JSON, rejects.csv, the HEC files) and the package are then not written.
    /// </summary>
    public bool TablesInAppLookups =>
        Splunk.App && !string.IsNullOrWhiteSpace(Directory) && string.Equals(
            Path.TrimEndingDirectorySeparator(Path.GetFullPath(Directory)),
            Path.GetFullPath(Path.Combine(SplunkAppFolder, "lookups")),
            StringComparison.Ordinal);
}
