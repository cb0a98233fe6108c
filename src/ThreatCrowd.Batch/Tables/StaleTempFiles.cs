namespace ThreatCrowd.Batch.Tables;

/// <summary>
/// A process killed mid-export leaves its temporary files (<c>.name.random.tmp</c>) beside the tables; the tables
/// themselves are whole. The next export removes those leftovers so the folder holds only complete tables.
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
        foreach (var file in Directory.EnumerateFiles(directory, ".*.tmp"))
        {
            try
            {
                File.Delete(file);
                removed++;
            }
            catch (IOException)
            {
                // Another export may be writing it right now; it will be renamed or removed by its owner.
            }
        }

        return removed;
    }
}
