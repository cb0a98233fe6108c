using System.Runtime.InteropServices;

namespace ThreatCrowd.Batch.Tests.Support;

/// <summary>Real named pipes for the tests of inputs that are not regular files.</summary>
internal static partial class SpecialFiles
{
    /// <summary>Creates a named pipe (FIFO) at <paramref name="path"/>; nothing writes to it.</summary>
    public static string Fifo(string path)
    {
        MakeFifo(path, Convert.ToUInt32("644", 8)).ShouldBe(0, $"mkfifo {path} failed");
        return path;
    }

    /// <summary>
    /// Opens the pipe for writing and closes it: a reader blocked in its open (the failure under test) is released,
    /// so a test that failed leaves no thread stuck behind it.
    /// </summary>
    public static void Release(string fifo)
    {
        const int WriteOnlyNonBlocking = 0x1 | 0x800;
        var fd = Open(fifo, WriteOnlyNonBlocking);
        if (fd >= 0)
        {
            Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MakeFifo(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
