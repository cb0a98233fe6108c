using CsvHelper;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// Streams the records of one CSV file through CsvHelper and turns everything that can go wrong into problem steps
/// instead of exceptions: a file that cannot be opened, an I/O error, malformed quoting. An unclosed quote would
/// swallow the rest of the file, so reading restarts on the line after it, with quoted line breaks no longer
/// allowed. Memory stays bounded by the largest row, which is capped.
/// </summary>
internal static class CsvRecordSource
{
    private const int SniffLength = 64 * 1024;
    private const int MaxRecordBytes = 16 * 1024 * 1024;

    public static IEnumerable<CsvStep> Read(string path)
    {
        var stream = CsvFileOpener.TryOpen(path, out var openProblem);
        if (stream is null)
        {
            yield return CsvStep.ForProblem(0, openProblem!);
            yield break;
        }

        using (stream)
        {
            var delimiter = CsvFileOpener.TrySniffDelimiter(stream, SniffLength, out var sniffProblem);
            if (sniffProblem is not null)
            {
                yield return CsvStep.ForProblem(0, FileProblems.CannotOpen(path, sniffProblem));
                yield break;
            }

            foreach (var step in ReadFrom(path, stream, delimiter))
            {
                yield return step;
            }
        }
    }

    private static IEnumerable<CsvStep> ReadFrom(string path, Stream stream, char delimiter)
    {
        long linesBefore = 0;
        bool lineBreaksInQuotes = true;
        while (true)
        {
            var malformed = new Queue<CsvMalformedRecord>();
            long? restartAfter = null;
            using (var csv = CsvReader.Create(stream, Options(delimiter, lineBreaksInQuotes, malformed.Enqueue), leaveOpen: true))
            {
                long lastLine = linesBefore;
                while (true)
                {
                    var attempt = CsvReadAttempt.Run(csv);
                    while (malformed.TryDequeue(out var bad))
                    {
                        long badLine = bad.LineNumber + linesBefore;
                        yield return CsvStep.ForProblem(badLine, CsvMalformedText.Describe(bad.Reason), CsvMalformedText.Excerpt(bad.RawRecord));
                        restartAfter = bad.Reason == CsvMalformedReason.UnterminatedQuote ? badLine : restartAfter;
                    }

                    if (attempt.TooLargeAtLine is { } tooLarge)
                    {
                        yield return CsvStep.ForProblem(tooLarge + linesBefore, CsvMalformedText.RecordTooLarge);
                        restartAfter = tooLarge + linesBefore;
                    }

                    if (attempt.Failure is { } failure)
                    {
                        yield return CsvStep.ForProblem(lastLine, FileProblems.ReadFailed(path, lastLine, failure));
                        yield break;
                    }

                    if (!attempt.HasRecord || restartAfter is not null)
                    {
                        break;
                    }

                    lastLine = csv.LineNumber + linesBefore;
                    yield return CsvStep.ForRecord(lastLine, csv);
                }
            }

            // Each restart must move forward, or a file that keeps failing on the same line would never end.
            if (restartAfter is not { } after || after <= linesBefore)
            {
                yield break;
            }

            if (!CsvFileOpener.TrySkipLines(stream, after, out var skipProblem))
            {
                if (skipProblem is not null)
                {
                    yield return CsvStep.ForProblem(after, FileProblems.ReadFailed(path, after, skipProblem));
                }

                yield break;
            }

            linesBefore = after;
            lineBreaksInQuotes = false;
        }
    }

    /// <summary>
    /// The reading rules of every input file: # lines are comments (feed banners and trailers; a commented-out
    /// header is found by <see cref="CsvPreview"/>), and spaces between a delimiter and a quote are dropped, so that
    /// abuse.ch's <c>"a", "b"</c> reads as quoted fields.
    /// </summary>
    public static CsvReaderOptions Options(char delimiter, bool lineBreaksInQuotes, Action<CsvMalformedRecord> onMalformed) =>
        CsvReaderOptions.Default with
        {
            Separator = delimiter,
            CommentPrefix = '#',
            TrimWhitespace = true,
            HasHeader = false,
            DetectSeparatorHint = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = lineBreaksInQuotes,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            OnMalformedRecord = onMalformed,
            MaxRecordSize = MaxRecordBytes,
        };
}
