using System.Text.Json;
using ThreatCrowd.Batch.Tables;

namespace ThreatCrowd.Batch.Splunk;

/// <summary>
/// Writes a table's rows as HTTP Event Collector events, one per line:
/// <c>{"time":…,"source":…,"sourcetype":"threatcrowd:hec","index":…,"event":{…}}</c>, where the event is the row's
/// JSON object exactly as in the table's .json file. Posted as it is:
/// <c>curl -H "Authorization: Splunk TOKEN" --data-binary @file https://splunk:8088/services/collector/event</c>.
/// </summary>
internal static class HecFile
{
    private static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText Sourcetype = JsonEncodedText.Encode("sourcetype");
    private static readonly JsonEncodedText Index = JsonEncodedText.Encode("index");
    private static readonly JsonEncodedText Event = JsonEncodedText.Encode("event");

    /// <summary>
    /// Writes <paramref name="rows"/> of table <paramref name="name"/> to <paramref name="path"/>; an event without
    /// a time (an indicator not looked up yet) takes the time HEC receives it. An empty index is left out, so the
    /// token's default index applies.
    /// </summary>
    public static async Task<TableWritten> WriteAsync<TRow>(
        string path, string name, IJsonLayout<TRow> layout, Func<TRow, DateTimeOffset?> timeOf, string index, IEnumerable<TRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(timeOf);
        long count = 0;
        await AtomicFile.WriteAsync(
            path,
            async (stream, token) =>
            {
                using var lines = new JsonLinesWriter(stream);
                foreach (var row in rows)
                {
                    token.ThrowIfCancellationRequested();
                    var json = lines.BeginLine();
                    if (TableFormat.EpochSeconds(timeOf(row)) is { } seconds)
                    {
                        json.WriteNumber(Time, seconds);
                    }

                    json.WriteString(Source, name);
                    json.WriteString(Sourcetype, SplunkSourcetypes.Hec);
                    if (!string.IsNullOrEmpty(index))
                    {
                        json.WriteString(Index, index);
                    }

                    json.WriteStartObject(Event);
                    layout.WriteJson(json, row);
                    json.WriteEndObject();
                    lines.EndLine();
                    count++;
                }

                await lines.WriteOutAsync(token).ConfigureAwait(false);
            },
            ct).ConfigureAwait(false);
        return new TableWritten(name, [Path.GetFullPath(path)], count);
    }
}
