namespace ThreatCrowd.Batch.Inputs;

/// <summary>Opening, sniffing and repositioning an input file, with failures returned rather than thrown.</summary>
internal static class CsvFileOpener
{
    /// <summary>The open file, or null with <paramref name="problem"/> saying why it cannot be read.</summary>
    public static FileStream? TryOpen(string path, out string? problem)
    {
        problem = null;
        var node = FileNode.Of(path);
        if (node?.Kind == FileNodeKind.Directory)
        {
            problem = FileProblems.IsDirectory(path);
            return null;
        }

        // Checked before the open: opening a pipe blocks until something writes to it, and a device such as
        // /dev/zero never ends.
        if (node?.Kind == FileNodeKind.Special)
        {
            problem = FileProblems.NotRegular(path);
            return null;
        }

        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.SequentialScan);
            if (stream.CanSeek)
            {
                return stream;
            }

            stream.Dispose();
            problem = FileProblems.NotRegular(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = FileProblems.CannotOpen(path, e);
            return null;
        }
    }

    /// <summary>Sniffs the delimiter from the start of the file and rewinds it.</summary>
    public static char TrySniffDelimiter(Stream stream, int length, out Exception? problem)
    {
        problem = null;
        try
        {
            var start = new byte[length];
            int read = stream.ReadAtLeast(start, length, throwOnEndOfStream: false);
            stream.Seek(0, SeekOrigin.Begin);
            return DelimiterSniffer.Sniff(start.AsSpan(0, read));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = e;
            return ',';
        }
    }

    /// <summary>Positions the file after the given line; false when nothing follows it or, with <paramref name="problem"/>, it cannot be read.</summary>
    public static bool TrySkipLines(Stream stream, long lines, out Exception? problem)
    {
        problem = null;
        try
        {
            return LineSkipper.SkipLines(stream, lines);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = e;
            return false;
        }
    }
}
