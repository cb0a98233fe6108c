using System.Text;
using CsvHelper;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// The start of a CSV file, read once before the file proper to work out its layout: the delimiter, the # lines
/// before the first record (a feed's banner, perhaps a commented-out header), and the first records as text.
/// A file that cannot be read gives an empty preview; reading it properly then reports why.
/// </summary>
internal sealed record CsvPreview(char Delimiter, IReadOnlyList<CsvPreviewLine> Comments, IReadOnlyList<CsvPreviewLine> Rows)
{
    /// <summary>Records read ahead: enough to judge what each column holds, few enough to cost nothing.</summary>
    public const int MaxRows = 50;

    private const int HeadLength = 64 * 1024;

    public static CsvPreview Empty { get; } = new(',', [], []);

    public static CsvPreview Read(string path)
    {
        using var stream = CsvFileOpener.TryOpen(path, out _);
        if (stream is null)
        {
            return Empty;
        }

        try
        {
            var head = new byte[HeadLength];
            int length = stream.ReadAtLeast(head, HeadLength, throwOnEndOfStream: false);
            stream.Seek(0, SeekOrigin.Begin);
            var delimiter = DelimiterSniffer.Sniff(head.AsSpan(0, length));
            var comments = LeadingComments(head.AsSpan(0, length));
            var rows = FirstRows(stream, delimiter, lineBreaksInQuotes: true, out bool unclosedQuote);
            if (unclosedQuote)
            {
                // As the reading proper does after an unclosed quote, take every line break as the end of a record.
                stream.Seek(0, SeekOrigin.Begin);
                rows = FirstRows(stream, delimiter, lineBreaksInQuotes: false, out _);
            }

            return new CsvPreview(delimiter, comments, rows);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Empty;
        }
    }

    /// <summary>Cells of one line of text, read with the file's rules (a commented-out header without its #).</summary>
    public string[] Cells(string text)
    {
        using var csv = CsvReader.FromText(text, CsvRecordSource.Options(Delimiter, lineBreaksInQuotes: false, _ => { }) with { CommentPrefix = null });
        return csv.Read() ? Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray() : [];
    }

    // The # and blank lines before the first record, with their numbers; the text is the line without its #s.
    private static List<CsvPreviewLine> LeadingComments(ReadOnlySpan<byte> head)
    {
        var comments = new List<CsvPreviewLine>();
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF');
        long number = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            number++;
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            if (line[0] != '#')
            {
                break;
            }

            comments.Add(new CsvPreviewLine(number, [line.TrimStart('#').Trim().ToString()]));
        }

        return comments;
    }

    private static List<CsvPreviewLine> FirstRows(Stream stream, char delimiter, bool lineBreaksInQuotes, out bool unclosedQuote)
    {
        var rows = new List<CsvPreviewLine>();
        bool unclosed = false;
        var options = CsvRecordSource.Options(delimiter, lineBreaksInQuotes, bad => unclosed |= bad.Reason == CsvMalformedReason.UnterminatedQuote);
        using var csv = CsvReader.Create(stream, options, leaveOpen: true);
        try
        {
            while (rows.Count < MaxRows && csv.Read())
            {
                if (!CsvCells.IsBlankRow(csv))
                {
                    rows.Add(new CsvPreviewLine(csv.LineNumber, Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray()));
                }
            }
        }
        catch (CsvFormatException)
        {
            // A record past the size limit: the rows before it are the preview. The reading proper reports it.
        }

        unclosedQuote = unclosed;
        return rows;
    }
}

/// <summary>A line of a <see cref="CsvPreview"/>: its number and its cells (a comment has one, its text).</summary>
internal sealed record CsvPreviewLine(long Line, string[] Cells);
