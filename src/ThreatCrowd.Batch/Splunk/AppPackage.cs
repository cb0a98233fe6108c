using System.Formats.Tar;
using System.IO.Compression;
using ThreatCrowd.Batch.Tables;

namespace ThreatCrowd.Batch.Splunk;

/// <summary>
/// Writes the app as a package, <c>&lt;id&gt;.tgz</c>: a gzip-compressed tar whose top folder is the app, as Splunk
/// Cloud's upload and a search-head-cluster deployer's <c>etc/shcluster/apps/</c> take it. It holds exactly the
/// files the export wrote, never a local/ folder or anything else found in the app's folder, and is replaced whole
/// through a temporary file and a rename like every table.
/// </summary>
internal static class AppPackage
{
    private const UnixFileMode FolderMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    // Not executable and not writable by others: AppInspect flags both in a package.
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>
    /// Packs <paramref name="files"/> (relative to <paramref name="appFolder"/>, '/' separators) under the folder
    /// <paramref name="id"/> into <paramref name="packagePath"/>.
    /// </summary>
    public static Task WriteAsync(string appFolder, string id, IReadOnlyList<string> files, string packagePath, CancellationToken ct) =>
        AtomicFile.WriteAsync(
            packagePath,
            async (stream, token) =>
            {
                var gzip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
                await using (gzip.ConfigureAwait(false))
                {
                    var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true);
                    await using (tar.ConfigureAwait(false))
                    {
                        await WriteEntriesAsync(tar, appFolder, id, files, token).ConfigureAwait(false);
                    }
                }
            },
            ct);

    private static async Task WriteEntriesAsync(TarWriter tar, string appFolder, string id, IReadOnlyList<string> files, CancellationToken ct)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            ct.ThrowIfCancellationRequested();
            var source = Path.Combine(appFolder, file.Replace('/', Path.DirectorySeparatorChar));
            var modified = File.GetLastWriteTimeUtc(source);

            // Each folder once, before its first file, so that every extractor creates it with a sane mode.
            var parts = file.Split('/');
            for (var depth = 0; depth < parts.Length; depth++)
            {
                var folder = string.Join('/', parts.Take(depth).Prepend(id));
                if (folders.Add(folder))
                {
                    await tar.WriteEntryAsync(Entry(TarEntryType.Directory, folder + "/", FolderMode, modified), ct).ConfigureAwait(false);
                }
            }

            var entry = Entry(TarEntryType.RegularFile, id + "/" + file, FileMode, modified);
            var content = File.OpenRead(source);
            await using (content.ConfigureAwait(false))
            {
                entry.DataStream = content;
                await tar.WriteEntryAsync(entry, ct).ConfigureAwait(false);
            }
        }
    }

    private static UstarTarEntry Entry(TarEntryType type, string name, UnixFileMode mode, DateTime modified) => new(type, name)
    {
        Mode = mode,
        ModificationTime = new DateTimeOffset(modified, TimeSpan.Zero),
        Uid = 0,
        Gid = 0,
    };
}
