using System.Runtime.InteropServices;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>What a path names on disk, following symbolic links: its kind and its identity (device and inode).</summary>
internal readonly record struct FileNode(FileNodeKind Kind, long Device, long Inode)
{
    /// <summary>The same for every path that reaches this file or folder, through links or not.</summary>
    public (long Device, long Inode) Identity => (Device, Inode);

    /// <summary>What <paramref name="path"/> names, or null when it names nothing (or cannot be examined).</summary>
    /// <remarks>
    /// .NET tells a directory from a file but not a file from a pipe or a device, and opening a pipe blocks until a
    /// writer comes, so the kind must be known before the open. The runtime's own native library answers with one
    /// layout on every platform and architecture, unlike the C library's <c>struct stat</c>.
    /// </remarks>
    public static FileNode? Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            // No pipes among files there; the full path stands in for the identity.
            long id = StringComparer.OrdinalIgnoreCase.GetHashCode(Path.GetFullPath(path));
            return File.Exists(path) ? new FileNode(FileNodeKind.Regular, 0, id)
                : Directory.Exists(path) ? new FileNode(FileNodeKind.Directory, 0, id) : null;
        }

        if (NativeFileStatus.Stat(path, out var status) != 0)
        {
            return null;
        }

        var kind = (status.Mode & TypeMask) switch
        {
            RegularType => FileNodeKind.Regular,
            DirectoryType => FileNodeKind.Directory,
            _ => FileNodeKind.Special,
        };
        return new FileNode(kind, status.Dev, status.Ino);
    }

    private const int TypeMask = 0xF000;
    private const int DirectoryType = 0x4000;
    private const int RegularType = 0x8000;
}

/// <summary>Kinds of file the importer tells apart: only a regular file is read.</summary>
internal enum FileNodeKind
{
    Regular,
    Directory,

    /// <summary>A pipe, a socket, a character or block device: reading one may block or never end.</summary>
    Special,
}

/// <summary>The runtime's stat(2), whose result layout it defines itself (the fields up to the inode are used).</summary>
internal static partial class NativeFileStatus
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct Status
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
        public long Size;
        public long ATime;
        public long ATimeNsec;
        public long MTime;
        public long MTimeNsec;
        public long CTime;
        public long CTimeNsec;
        public long BirthTime;
        public long BirthTimeNsec;
        public long Dev;
        public long RDev;
        public long Ino;
        public uint UserFlags;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Stat(string path, out Status status);
}
