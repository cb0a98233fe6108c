using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ThreatCrowd.Batch.Tables;

/// <summary>
/// Writes newline-delimited JSON: one compact object per line, each followed by LF, the form a monitored file input
/// or a SIEM shipper reads line by line.
/// </summary>
internal sealed class JsonLinesWriter : IDisposable
{
    // Lines gather here and reach the stream in large writes. A Utf8JsonWriter over the stream itself would have to
    // be flushed after every line, and its Flush also flushes the stream: a system call per row.
    private const int WriteOutAt = 60 * 1024;

    private readonly Stream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _json;

    public JsonLinesWriter(Stream stream)
    {
        _stream = stream;

        // The relaxed encoder keeps &, +, ' and non-ASCII text as they are instead of \uXXXX escapes, so values stay
        // readable and searchable in the SIEM. Its risk is HTML embedding, and these files are read by shippers and
        // indexers, never placed in a web page. Quotes, backslashes and control characters are still escaped.
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = false,
        });
    }

    /// <summary>Starts the object of a new line; write its properties to the returned writer.</summary>
    public Utf8JsonWriter BeginLine()
    {
        _json.WriteStartObject();
        return _json;
    }

    /// <summary>Ends the object and the line; writes to the stream only when enough lines have gathered.</summary>
    public void EndLine()
    {
        _json.WriteEndObject();
        _json.Flush();

        // Each line is its own JSON document: resetting lets the writer start another at the top level.
        _json.Reset();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        if (_buffer.WrittenCount >= WriteOutAt)
        {
            // A synchronous write of a large block: the tables are written by one thread that has nothing else to do.
            _stream.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }

    /// <summary>Hands every gathered line to the stream.</summary>
    public async ValueTask WriteOutAsync(CancellationToken ct)
    {
        if (_buffer.WrittenCount > 0)
        {
            await _stream.WriteAsync(_buffer.WrittenMemory, ct).ConfigureAwait(false);
            _buffer.ResetWrittenCount();
        }
    }

    public void Dispose() => _json.Dispose();
}
