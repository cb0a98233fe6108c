using System.Globalization;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// Keeps a second process off the same store: two runs would break the pacing and ask the same indicators twice.
/// The lock is a file beside the store held open without sharing; the operating system releases it when the
/// process ends, however it ends, so a killed run never leaves a stale lock behind. The holder's process id goes
/// into a second file, because a file locked this way cannot be read by another process.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private readonly FileStream _file;

    private StoreLock(FileStream file) => _file = file;

    public static StoreLock Acquire(string storePath)
    {
        var lockPath = Path.GetFullPath(storePath) + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        FileStream file;
        try
        {
            file = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (HeldElsewhere(e))
        {
            throw new StoreLockedException(
                $"The store \"{storePath}\" is in use by another process{Holder(lockPath + ".pid")}. " +
                "Wait for it to finish, or stop it; two processes never work on one store.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only filesystem or folder is no other process: saying so would have the operator hunt for one.
            throw new StoreException(
                $"Cannot lock the store \"{storePath}\": {e.Message}. The program writes beside the store ({lockPath}); " +
                "make its folder writable, or point Store:Path at a writable place.",
                e);
        }

        File.WriteAllText(lockPath + ".pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new StoreLock(file);
    }

    /// <summary>
    /// Whether the open failed because another process holds the lock: EWOULDBLOCK from the lock itself (11 on
    /// Linux, 35 on macOS, where .NET passes the error number on) or a sharing violation on Windows.
    /// </summary>
    private static bool HeldElsewhere(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) == 32 : e.HResult == (OperatingSystem.IsMacOS() ? 35 : 11);

    private static string Holder(string pidPath)
    {
        try
        {
            var pid = File.ReadAllText(pidPath).Trim();
            return pid.Length > 0 ? $" (process {pid})" : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    public void Dispose() => _file.Dispose();
}
