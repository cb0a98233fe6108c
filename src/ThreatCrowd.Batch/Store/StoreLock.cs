using System.Globalization;

namespace ThreatCrowd.Batch.Store;

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
        catch (IOException)
        {
            throw new StoreLockedException(
                $"The store \"{storePath}\" is in use by another process{Holder(lockPath + ".pid")}. " +
                "Wait for it to finish, or stop it; two processes never work on one store.");
        }

        File.WriteAllText(lockPath + ".pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new StoreLock(file);
    }

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
