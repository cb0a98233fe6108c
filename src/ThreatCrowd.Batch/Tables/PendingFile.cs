namespace ThreatCrowd.Batch.Tables;

/// <summary>A temporary file of an <see cref="AtomicFileSet"/> and the target it will replace.</summary>
internal sealed class PendingFile(string target, string temp, FileStream stream)
{
    public string Target { get; } = target;

    public string Temp { get; } = temp;

    /// <summary>
    /// Makes the content durable before the rename: without it, a crash soon after could leave the new name
    /// pointing at an empty or partial file, the very thing the rename is there to prevent.
    /// </summary>
    public async Task FlushToDiskAsync(CancellationToken ct)
    {
        if (stream.CanWrite)
        {
            await stream.FlushAsync(ct).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
            await stream.DisposeAsync().ConfigureAwait(false);
            return;
        }

        // A writer disposed the stream (a StreamWriter without leaveOpen does), which handed every byte to the
        // operating system; a new handle on the same file can still force them to disk.
        await using var reopened = new FileStream(Temp, FileMode.Open, FileAccess.Write, FileShare.None);
        reopened.Flush(flushToDisk: true);
    }

    /// <summary>Closes and deletes the temporary file; the target is left as it was.</summary>
    public async ValueTask DiscardAsync()
    {
        try
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Closing flushes what was buffered into a file about to be deleted; failing to (a full disk, most often
            // the very failure being cleaned up after) must not hide the original exception.
        }

        try
        {
            File.Delete(Temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Same reason: a leftover dot file is harmless, a lost original exception is not.
        }
    }
}
