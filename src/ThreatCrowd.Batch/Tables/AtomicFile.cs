namespace ThreatCrowd.Batch.Tables;

/// <summary>
/// Replaces one file so that readers see either its old or its whole new content (see <see cref="AtomicFileSet"/>).
/// </summary>
internal static class AtomicFile
{
    /// <summary>
    /// Runs <paramref name="write"/> on a temporary file beside <paramref name="path"/> and renames it over
    /// <paramref name="path"/> once written and on disk. If <paramref name="write"/> throws or is cancelled, the
    /// temporary file is deleted and any existing file at <paramref name="path"/> keeps its content.
    /// </summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        var files = new AtomicFileSet();
        await using (files.ConfigureAwait(false))
        {
            var stream = files.Create(path);
            await write(stream, ct).ConfigureAwait(false);
            await files.CommitAsync(ct).ConfigureAwait(false);
        }
    }
}
