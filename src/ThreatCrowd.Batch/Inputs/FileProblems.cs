namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// What to tell the engineer when an input file cannot be read: which file, what went wrong, what to do about it.
/// </summary>
internal static class FileProblems
{
    public static string CannotOpen(string path, Exception exception) => $"cannot read \"{path}\": {Why(path, exception)}";

    public static string IsDirectory(string path) =>
        $"cannot read \"{path}\": it is a directory, not a file; name a CSV file in Sources:CsvFiles or --input";

    public static string NotRegular(string path) =>
        $"cannot read \"{path}\": not a regular file (a pipe, a socket or a device); save the data to a file first";

    public static string ReadFailed(string path, long line, Exception exception) =>
        $"reading \"{path}\" failed after line {line}: {exception.Message}; the rest of the file was not read";

    private static string Why(string path, Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => "file not found; check Sources:CsvFiles or --input",
        UnauthorizedAccessException when Directory.Exists(path) =>
            "it is a directory, not a file; name a CSV file in Sources:CsvFiles or --input",
        UnauthorizedAccessException => "permission denied; give the importer read access to the file",
        _ => exception.Message,
    };
}
