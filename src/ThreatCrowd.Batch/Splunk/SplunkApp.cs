using System.Text;
using ThreatCrowd.Batch.Tables;

namespace ThreatCrowd.Batch.Splunk;

/// <summary>
/// Writes a Splunk app that works as soon as its folder is copied into <c>$SPLUNK_HOME/etc/apps/</c>: the CSV tables
/// in lookups/, a lookup definition for each in default/transforms.conf, the JSON sourcetypes in default/props.conf,
/// default/app.conf, and metadata/default.meta sharing it all with every app. Every file is replaced through a
/// temporary file and a rename, since Splunk may read a lookup while it is rewritten.
/// </summary>
internal sealed class SplunkApp(string folder, string id)
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public string Folder => folder;

    /// <summary>The app's folders this class writes files into.</summary>
    public static IReadOnlyList<string> FoldersWritten(string appFolder) =>
        [Path.Combine(appFolder, "lookups"), Path.Combine(appFolder, "default"), Path.Combine(appFolder, "metadata")];

    /// <summary>Copies each lookup's CSV file (written elsewhere) into lookups/ and writes the configuration.</summary>
    public async Task WriteAsync(IReadOnlyList<(LookupDefinition Lookup, string CsvPath)> lookups, CancellationToken ct)
    {
        foreach (var (lookup, csvPath) in lookups)
        {
            await CopyAsync(csvPath, Path.Combine(folder, "lookups", lookup.FileName), ct).ConfigureAwait(false);
        }

        var version = typeof(SplunkApp).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";
        await WriteTextAsync(Path.Combine(folder, "default", "transforms.conf"), SplunkAppFiles.Transforms(lookups.Select(l => l.Lookup)), ct).ConfigureAwait(false);
        await WriteTextAsync(Path.Combine(folder, "default", "props.conf"), SplunkAppFiles.Props(), ct).ConfigureAwait(false);
        await WriteTextAsync(Path.Combine(folder, "default", "app.conf"), SplunkAppFiles.App(id, version), ct).ConfigureAwait(false);
        await WriteTextAsync(Path.Combine(folder, "metadata", "default.meta"), SplunkAppFiles.Meta(), ct).ConfigureAwait(false);
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
