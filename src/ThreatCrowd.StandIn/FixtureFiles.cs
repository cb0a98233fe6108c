namespace ThreatCrowd.StandIn;

/// <summary>
/// Finds fixture files by name. Names come from request values, so only a plain file name directly inside the
/// fixture folder is ever served: anything with a directory part is treated as absent.
/// </summary>
internal sealed class FixtureFiles(string directory)
{
    /// <summary>The full path of <paramref name="fileName"/> inside <paramref name="folder"/>, or null.</summary>
    public string? Find(string? folder, string fileName)
    {
        if (fileName.Length == 0 || Path.GetFileName(fileName) != fileName || fileName.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        var path = folder is null ? Path.Combine(directory, fileName) : Path.Combine(directory, folder, fileName);
        return File.Exists(path) ? path : null;
    }
}
