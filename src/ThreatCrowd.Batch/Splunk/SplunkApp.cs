using System.Text;
using ThreatCrowd.Batch.Tables;

namespace ThreatCrowd.Batch.Splunk;

/// <summary>
/// Writes a Splunk app that Splunk's validator (AppInspect) accepts and that works as soon as its folder is in
/// <c>$SPLUNK_HOME/etc/apps/</c>: the CSV tables in lookups/ and nothing else there, a lookup definition for each in
/// default/transforms.conf, the JSON sourcetypes in default/props.conf, the Enterprise Security threat sources in
/// default/inputs.conf, default/app.conf, metadata/default.meta sharing it all with every app, and a README.txt.
/// Never a local/ folder. Every file is replaced through a temporary file and a rename, since Splunk may read a
/// lookup while it is rewritten.
/// </summary>
internal sealed class SplunkApp(string folder, string id)
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly string Version = typeof(SplunkApp).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    public string Folder => folder;

    /// <summary>The app's folders this class writes files into.</summary>
    public static IReadOnlyList<string> FoldersWritten(string appFolder) =>
        [appFolder, Path.Combine(appFolder, "lookups"), Path.Combine(appFolder, "default"), Path.Combine(appFolder, "metadata")];

    /// <summary>
    /// Writes default/app.conf before anything else, so that a folder the export created is recognized as the
    /// program's own (<see cref="SplunkAppOwner"/>) even if the export stops before the rest is written.
    /// </summary>
    public Task ClaimAsync(CancellationToken ct) =>
        WriteTextAsync(Path.Combine(folder, "default", "app.conf"), SplunkAppFiles.App(id, Version), ct);

    /// <summary>
    /// Copies each lookup's CSV file (written elsewhere) into lookups/, writes the configuration, and returns the
    /// app's files, relative to its folder with '/' separators: what its package holds.
    /// </summary>
    public async Task<IReadOnlyList<string>> WriteAsync(
        IReadOnlyList<(LookupDefinition Lookup, string CsvPath)> lookups, IReadOnlyList<ThreatSource> sources, CancellationToken ct)
    {
        var files = new List<string>();
        foreach (var (lookup, csvPath) in lookups)
        {
            var file = "lookups/" + lookup.FileName;
            await CopyAsync(csvPath, PathOf(file), ct).ConfigureAwait(false);
            files.Add(file);
        }

        AppLeftovers.Remove(folder, lookups.Select(l => l.Lookup.FileName));
        var definitions = lookups.Select(l => l.Lookup).ToList();
        await WriteAsync(files, "default/app.conf", SplunkAppFiles.App(id, Version), ct).ConfigureAwait(false);
        await WriteAsync(files, "default/transforms.conf", SplunkAppFiles.Transforms(definitions), ct).ConfigureAwait(false);
        await WriteAsync(files, "default/props.conf", SplunkAppFiles.Props(), ct).ConfigureAwait(false);
        if (sources.Count > 0)
        {
            await WriteAsync(files, "default/inputs.conf", SplunkAppFiles.Inputs(sources), ct).ConfigureAwait(false);
        }
        else
        {
            // Enterprise Security was turned off: threat sources over lookups that are no longer defined would fail.
            File.Delete(PathOf("default/inputs.conf"));
        }

        await WriteAsync(files, "metadata/default.meta", SplunkAppFiles.Meta(), ct).ConfigureAwait(false);
        await WriteAsync(files, "README.txt", AppReadme.Text(id, Version, definitions, sources), ct).ConfigureAwait(false);
        return files;
    }

    private string PathOf(string file) => Path.Combine(folder, file.Replace('/', Path.DirectorySeparatorChar));

    private async Task WriteAsync(List<string> files, string file, string text, CancellationToken ct)
    {
        await WriteTextAsync(PathOf(file), text, ct).ConfigureAwait(false);
        files.Add(file);
    }

    private static async Task CopyAsync(string source, string target, CancellationToken ct)
    {
        // Output:Directory may be the app's own lookups folder: the table is already where it belongs.
        if (string.Equals(Path.GetFullPath(source), Path.GetFullPath(target), StringComparison.Ordinal))
        {
            return;
        }

        await AtomicFile.WriteAsync(
            target,
            async (stream, token) =>
            {
                var input = File.OpenRead(source);
                await using (input.ConfigureAwait(false))
                {
                    await input.CopyToAsync(stream, token).ConfigureAwait(false);
                }
            },
            ct).ConfigureAwait(false);
    }

    // Unchanged configuration is left alone, so its modification time says when it last really changed.
    private static async Task WriteTextAsync(string path, string text, CancellationToken ct)
    {
        if (File.Exists(path) && string.Equals(await File.ReadAllTextAsync(path, ct).ConfigureAwait(false), text, StringComparison.Ordinal))
        {
            return;
        }

        var bytes = Utf8NoBom.GetBytes(text);
        await AtomicFile.WriteAsync(path, (stream, token) => stream.WriteAsync(bytes, token).AsTask(), ct).ConfigureAwait(false);
    }
}
