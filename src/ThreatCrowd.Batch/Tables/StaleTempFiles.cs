using System.Diagnostics;

namespace ThreatCrowd.Batch.Tables;

/// <summary>
/// A process killed mid-export leaves its temporary files (see <see cref="TempFileName"/>) beside the tables; the
/// tables themselves are whole. The next export removes those leftovers so the folder holds only complete tables.
/// Only this program's temporary files are touched, and only those whose writer is gone: a folder may be shared
/// with other programs, and another export may be writing its own temporary files there at this very moment.
/// </summary>
internal static class StaleTempFiles
{
    public static int Remove(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(directory, TempFileName.SearchPattern))
        {
            if (TempFileName.WriterOf(Path.GetFileName(file)) is not { } writer || IsRunning(writer))
            {
                continue;
            }

            try
            {
                File.Delete(file);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for a later export: a leftover dot file harms nothing, a failed export would.
            }
        }

        return removed;
    }

    /// <summary>
    /// Whether a process with this id runs now. This process counts as running (its own files are its own
    /// business); an id taken over by some other process keeps the file until that one ends too, which errs on
    /// the side of leaving a file alone.
    /// </summary>
    private static bool IsRunning(int processId)
    {
        if (processId == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
