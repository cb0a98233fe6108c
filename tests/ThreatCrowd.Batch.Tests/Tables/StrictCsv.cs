using CsvHelper;

namespace ThreatCrowd.Batch.Tests.Tables;

/// <summary>Reads a CSV file as RFC 4180 strictly: bad quoting or a record with another field count throws.</summary>
internal static class StrictCsv
{
    public static (string[] Header, List<string[]> Records) Read(string path)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = false,
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        };
        using var reader = CsvReader.Create(File.OpenRead(path), options);
        var header = reader.Headers.ToArray();
        var records = new List<string[]>();
        while (reader.Read())
        {
            reader.FieldCount.ShouldBe(header.Length);
            records.Add(reader.Current.ToArray());
        }

        return (header, records);
    }
}
