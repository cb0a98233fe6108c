namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// The files below a folder, for a glob to match. Symbolic links are followed, but each folder is entered once
/// and each file listed once, by identity (device and inode), whatever path reaches it: a link back up the tree
/// (<c>sub/up -&gt; ..</c>) would otherwise be walked again and again, each time with a longer path, without end.
/// Breadth first, so a file is named by its shortest path, the one without a detour through a link.
/// </summary>
internal static class FolderWalk
{
    /// <summary>
    /// Paths relative to <paramref name="root"/>, with '/' between parts; folders no deeper than
    /// <paramref name="maxDepth"/> parts are listed (all of them when null). Unreadable folders are passed over.
    /// </summary>
    public static List<string> Files(string root, int? maxDepth)
    {
        var files = new List<string>();
        var foldersSeen = new HashSet<(long, long)>();
        var filesSeen = new HashSet<(long, long)>();
        var pending = new Queue<(string Full, string Relative, int Depth)>();
        pending.Enqueue((root, string.Empty, 1));
        while (pending.TryDequeue(out var folder))
        {
            if (FileNode.Of(folder.Full) is not { Kind: FileNodeKind.Directory } node || !foldersSeen.Add(node.Identity))
            {
                continue;
            }

            foreach (var entry in Entries(folder.Full))
            {
                var name = Path.GetFileName(entry);
                var relative = folder.Relative.Length == 0 ? name : folder.Relative + "/" + name;
                switch (FileNode.Of(entry))
                {
                    case { Kind: FileNodeKind.Directory }:
                        if (maxDepth is null || folder.Depth < maxDepth)
                        {
                            pending.Enqueue((entry, relative, folder.Depth + 1));
                        }

                        break;

                    // A pipe or device is listed too, so that reading it is refused with a message naming it.
                    case { } file when filesSeen.Add(file.Identity):
                        files.Add(relative);
                        break;
                }
            }
        }

        return files;
    }

    private static List<string> Entries(string folder)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
