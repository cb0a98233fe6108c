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

    // The runtime's own file type bits (its S_IFMT, S_IFDIR, S_IFREG), the same on every platform.
    private const int TypeMask = 0xF000;
    private const int DirectoryType = 0x4000;
    private const int RegularType = 0x8000;
}
