using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Configuration;

/// <summary>Checks the entries of <c>Sources:Files</c>, each problem naming its key.</summary>
internal static class FileReadValidator
{
    public static IEnumerable<string> Validate(IReadOnlyList<FileReadOptions> files)
    {
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var key = $"Sources:Files:{i}";
            if (string.IsNullOrWhiteSpace(file.Path))
            {
                yield return $"{key}:Path is empty; give the path of an input file, or a pattern such as exports/misp-*.csv.";
            }

            if (!string.IsNullOrWhiteSpace(file.Type) && !TypeHint.IsKnown(file.Type))
            {
                yield return $"{key}:Type is \"{file.Type}\"; it must be one of domain, ip, email, md5, sha1, sha256, hash, url, antivirus, or empty to detect each value's type.";
            }

            if (file.HeaderLine < 0)
            {
                yield return $"{key}:HeaderLine is {file.HeaderLine}; it must be the header's line number, 0 for a file without a header, or left out to detect it.";
            }

            for (var c = 0; c < file.Columns.Length; c++)
            {
                if (string.IsNullOrWhiteSpace(file.Columns[c]))
                {
                    yield return $"{key}:Columns:{c} is empty; give a column's name from the header, or its number (1 is the first) in a file without one.";
                }
            }

            if (file.Columns.Length == 0 && string.IsNullOrWhiteSpace(file.Type) && file.HeaderLine is null && !string.IsNullOrWhiteSpace(file.Path))
            {
                yield return $"{key} says nothing about \"{file.Path}\"; give Columns, Type or HeaderLine, or remove the entry.";
            }
        }
    }
}
