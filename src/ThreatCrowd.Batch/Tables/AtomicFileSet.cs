namespace ThreatCrowd.Batch.Tables;

/// <summary>
/// Files that are replaced together or not at all, as far as a filesystem allows. Each is written to a temporary file
/// in its target's folder; <see cref="CommitAsync"/> flushes every one to disk and only then renames them over their
/// targets, so a reader (Splunk reloads a lookup while it may be rewritten) sees the old file or the whole new one,
/// never a half-written one. Disposing without a commit deletes the temporary files and leaves the targets untouched.
/// </summary>
/// <remarks>
/// Each rename is atomic; the set of renames is not. They run back to back, after everything that can reasonably
/// fail (writing, flushing, cancellation), so a reader may at worst see a new CSV beside an old JSON for an instant.
/// </remarks>
internal sealed class AtomicFileSet : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly List<PendingFile> _files = [];
    private int _renamed;
    private bool _committed;

    /// <summary>
    /// Opens the temporary file that will replace <paramref name="path"/> on commit, creating its folder if needed.
    /// The set owns the stream: a writer over it may dispose it, but it is flushed and closed by the set.
    /// </summary>
    public Stream Create(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (_committed)
        {
            throw new InvalidOperationException("The files were already committed; start a new set.");
        }

        var target = Path.GetFullPath(path);
        if (_files.Exists(f => string.Equals(f.Target, target, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"'{target}' is already part of this set.", nameof(path));
        }

        var folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        Directory.CreateDirectory(folder);

        // Same folder, so the rename stays on one filesystem (atomic); the name says whose file it is (see TempFileName).
        var temp = Path.Combine(folder, TempFileName.For(Path.GetFileName(target)));
        var stream = new FileStream(temp, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = BufferSize,

            // Synchronous: on Linux an asynchronous file write is the same write queued to the thread pool, and the
            // tables' millions of rows are written from one formatting thread in large blocks.
            Options = FileOptions.None,
        });
        _files.Add(new PendingFile(target, temp, stream));
        return stream;
    }

    /// <summary>Flushes every file to disk, then renames each over its target; returns the targets' full paths.</summary>
    public async Task<IReadOnlyList<string>> CommitAsync(CancellationToken ct)
    {
        if (_committed)
        {
            throw new InvalidOperationException("The files were already committed.");
        }

        foreach (var file in _files)
        {
            await file.FlushToDiskAsync(ct).ConfigureAwait(false);
        }

        // The last point at which stopping leaves every target as it was; from here on the renames run together.
        ct.ThrowIfCancellationRequested();
        _committed = true;
        foreach (var file in _files)
        {
            File.Move(file.Temp, file.Target, overwrite: true);
            _renamed++;
        }

        return _files.ConvertAll(f => f.Target);
    }

    public async ValueTask DisposeAsync()
    {
        // Files renamed before a failed rename are in place; only the rest still have temporary files to remove.
        for (var i = _renamed; i < _files.Count; i++)
        {
            await _files[i].DiscardAsync().ConfigureAwait(false);
        }

        _renamed = _files.Count;
    }
}
