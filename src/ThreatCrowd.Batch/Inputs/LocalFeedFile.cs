namespace ThreatCrowd.Batch.Inputs;

/// <summary>Reads a feed kept as a local file (a path, relative to the current directory, or a file:// URL).</summary>
internal static class LocalFeedFile
{
    public static async Task<string> ReadTextAsync(FeedSource feed, string path, long maxBytes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            throw new FeedUnavailableException(feed, "is not a valid URL or path");
        }

        var fullPath = Path.GetFullPath(path);
        var node = FileNode.Of(fullPath);
        if (node?.Kind == FileNodeKind.Directory)
        {
            throw new FeedUnavailableException(feed, $"cannot be read: {fullPath} is a directory, not a file");
        }

        // Before the open, which would block on a pipe; a device such as /dev/zero would never end.
        if (node?.Kind == FileNodeKind.Special)
        {
            throw new FeedUnavailableException(feed, $"cannot be read: {fullPath} is not a regular file (a pipe, a socket or a device); save the feed to a file first");
        }

        try
        {
            var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                if (stream.Length > maxBytes)
                {
                    throw new FeedUnavailableException(feed, FeedText.TooLarge(maxBytes));
                }

                return await FeedText.ReadAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false)
                    ?? throw new FeedUnavailableException(feed, FeedText.TooLarge(maxBytes));
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FeedUnavailableException(feed, $"cannot be read: file not found ({fullPath})", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new FeedUnavailableException(feed, $"cannot be read: permission denied ({fullPath})", e);
        }
        catch (IOException e)
        {
            throw new FeedUnavailableException(feed, $"cannot be read: {e.Message}", e);
        }
    }
}
