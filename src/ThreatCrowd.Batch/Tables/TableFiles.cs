using CsvHelper;

namespace ThreatCrowd.Batch.Tables;

/// <summary>
/// The files of one table being written: a CSV and, when the table has a JSON layout, a newline-delimited JSON file
/// with the same rows, filled in one pass and replaced together by <see cref="CommitAsync"/>. Disposed without a
/// commit, the table's existing files stay as they were.
/// </summary>
internal sealed class TableFiles<TRow> : IAsyncDisposable
{
    private readonly string _name;
    private readonly AtomicFileSet _files;
    private readonly ICsvLayout<TRow> _csvLayout;
    private readonly IJsonLayout<TRow>? _jsonLayout;
    private readonly CsvWriter _csv;
    private readonly JsonLinesWriter? _json;
    private JsonLinesWorker<TRow>? _jsonWorker;
    private long _rows;
    private bool _committed;

    private TableFiles(
        string name, AtomicFileSet files, ICsvLayout<TRow> csvLayout, Stream csv, IJsonLayout<TRow>? jsonLayout, Stream? json)
    {
        _name = name;
        _files = files;
        _csvLayout = csvLayout;
        _jsonLayout = jsonLayout;
        _csv = CsvWriter.Create(csv, CsvTableOptions.Create(), leaveOpen: true);
        _json = json is null ? null : new JsonLinesWriter(json);

        // Written even when no row follows: a lookup without a header is not a lookup.
        _csv.WriteHeader(csvLayout.Columns.AsSpan());
    }

    /// <summary>Opens the temporary files of <paramref name="name"/>.csv (and .json) in the output directory.</summary>
    public static async Task<TableFiles<TRow>> OpenAsync(
        string outputDirectory, string name, ICsvLayout<TRow> csvLayout, IJsonLayout<TRow>? jsonLayout, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        ArgumentNullException.ThrowIfNull(csvLayout);
        ct.ThrowIfCancellationRequested();
        var files = new AtomicFileSet();
        try
        {
            var csv = files.Create(Path.Combine(outputDirectory, name + ".csv"));
            var json = jsonLayout is null ? null : files.Create(Path.Combine(outputDirectory, name + ".json"));
            return new TableFiles<TRow>(name, files, csvLayout, csv, jsonLayout, json);
        }
        catch
        {
            await files.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Adds rows to every file of the table: the CSV formatted here, the JSON at the same time by
    /// <see cref="JsonLinesWorker{TRow}"/>. The rows must not change afterwards.
    /// </summary>
    public void WriteBatch(IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (_json is not null && _jsonLayout is not null)
        {
            _jsonWorker ??= new JsonLinesWorker<TRow>(_json, _jsonLayout);
            _jsonWorker.Add(rows);
        }

        foreach (var row in rows)
        {
            _csvLayout.WriteCsv(_csv, row);
            _csv.EndRecord();
        }

        _rows += rows.Count;
    }

    /// <summary>Puts the table's files in place, all of them or none.</summary>
    public async Task<TableWritten> CommitAsync(CancellationToken ct)
    {
        if (_jsonWorker is not null)
        {
            await _jsonWorker.CompleteAsync().ConfigureAwait(false);
        }

        await _csv.FlushAsync(ct).ConfigureAwait(false);
        await _csv.DisposeAsync().ConfigureAwait(false);
        if (_json is not null)
        {
            await _json.WriteOutAsync(ct).ConfigureAwait(false);
        }

        var paths = await _files.CommitAsync(ct).ConfigureAwait(false);
        _committed = true;
        return new TableWritten(_name, paths, _rows);
    }

    public async ValueTask DisposeAsync()
    {
        if (_jsonWorker is not null)
        {
            await _jsonWorker.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            await _csv.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException) when (!_committed)
        {
            // Disposing writes the buffered rest into a temporary file that is deleted next; failing to (a full disk,
            // most often the very failure being cleaned up after) must not hide the original exception.
        }
        finally
        {
            _json?.Dispose();
            await _files.DisposeAsync().ConfigureAwait(false);
        }
    }
}
