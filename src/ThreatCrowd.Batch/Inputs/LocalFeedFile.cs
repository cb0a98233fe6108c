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
        if (Directory.Exists(fullPath))
        {
            throw new FeedUnavailableException(feed, $"cannot be read: {fullPath} is a directory, not a file");
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
