using System.Globalization;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Intel;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Splunk;
using ThreatCrowd.Batch.Tables;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// The last step of an export: the Splunk app from the CSV tables just written, with a threat source per
/// threat-intel file while Enterprise Security is on, then its package under Output:Directory/splunk/. When
/// Output:Directory is the app's own lookups folder, the package (like the other files that are no lookups) is not
/// written, and the export says so.
/// </summary>
internal sealed class AppStage(BatchSession session)
{
    /// <summary>Where the package is written: beside the default app folder, whatever the app's own folder is.</summary>
    public static string PackageFolder(OutputOptions output) => Path.Combine(output.Directory, "splunk");

    public async Task WriteAsync(SplunkApp app, IReadOnlyList<TableWritten> written, CancellationToken ct)
    {
        var output = session.Options.Output;
        var lookups = written
            .Where(t => t.Paths[0].EndsWith(".csv", StringComparison.Ordinal))
            .Select(t => (Lookup: AppLookups.For(t.Name), CsvPath: t.Paths[0]))
            .Where(l => l.Lookup is not null)
            .Select(l => (l.Lookup!, l.CsvPath))
            .ToList();
        var sources = output.EnterpriseSecurity.Enabled
            ? IntelCollection.All.Select(c => ThreatSource.For(c, output.EnterpriseSecurity)).ToList()
            : [];
        var files = await app.WriteAsync(lookups, sources, ct).ConfigureAwait(false);
        session.Console.Info(string.Create(
            CultureInfo.InvariantCulture, $"wrote the Splunk app {output.SplunkAppName} with {Counted.Of(lookups.Count, "lookup")} to {Path.GetFullPath(app.Folder)}"));
        if (output.TablesInAppLookups)
        {
            session.Console.Warn(
                $"Output:Directory is the Splunk app's lookups folder ({Path.GetFullPath(output.Directory)}), where Splunk accepts only defined lookups: " +
                $"the JSON tables, rejects.csv{(output.Splunk.Hec ? ", the HEC files" : string.Empty)} and the package {output.SplunkAppName}.tgz were not written. " +
                "Set Output:Directory to a folder outside the app to have them; every export copies the lookups into the app.");
            return;
        }

        var package = Path.Combine(PackageFolder(output), output.SplunkAppName + ".tgz");
        await AppPackage.WriteAsync(app.Folder, output.SplunkAppName, files, package, ct).ConfigureAwait(false);
        session.Console.Info($"wrote the package of the Splunk app to {Path.GetFullPath(package)}");
    }
}
