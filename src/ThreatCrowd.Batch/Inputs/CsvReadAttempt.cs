using CsvHelper;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// The outcome of one CsvReader.Read, with its exceptions captured: an iterator cannot yield from inside a catch.
/// </summary>
internal readonly record struct CsvReadAttempt(bool HasRecord, long? TooLargeAtLine, Exception? Failure)
{
    public static CsvReadAttempt Run(CsvReader csv)
    {
        try
        {
            return new CsvReadAttempt(csv.Read(), null, null);
        }
        catch (CsvFormatException e) when (e.LineNumber > 0)
        {
            // With malformed quoting skipped, what remains is a row past MaxRecordSize.
            return new CsvReadAttempt(false, e.LineNumber, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvFormatException)
        {
            return new CsvReadAttempt(false, null, e);
        }
    }
}
