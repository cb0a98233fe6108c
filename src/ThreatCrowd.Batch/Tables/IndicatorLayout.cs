using System.Collections.Immutable;
using System.Text.Json;
using CsvHelper;
using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Tables;

/// <summary>
/// The columns of threatcrowd_indicators: the indicator, the state of its lookup, the verdict, one count per relation
/// kind, the file hashes and permalink of the answer, where the indicator came from (sources, pivot depth) and, last,
/// what those sources said about it (context). JSON adds <c>time</c>, the epoch seconds of the lookup.
/// </summary>
internal sealed class IndicatorLayout : ICsvLayout<IndicatorRow>, IJsonLayout<IndicatorRow>
{
    private static readonly ImmutableArray<string> Header =
    [
        Key.Indicator.Value, Key.Type.Value, Key.Status.Value, Key.Votes.Value, Key.Verdict.Value, Key.InFeed.Value,
        .. Key.Counts.Select(key => key.Value), Key.Md5.Value, Key.Sha1.Value, Key.Permalink.Value,
        Key.Sources.Value, Key.Depth.Value, Key.FirstImportedAt.Value, Key.LookedUpAt.Value,
        Key.Context.Value,
    ];

    public ImmutableArray<string> Columns => Header;

    public void WriteCsv(CsvWriter csv, IndicatorRow row)
    {
        csv.WriteField(row.Indicator);
        csv.WriteField(row.Type);
        csv.WriteField(row.Status);
        csv.WriteNumber(row.Votes);
        csv.WriteField(row.Verdict);
        csv.WriteField(row.InFeed);
        var counts = row.Counts;
        for (var kind = 0; kind < RelationCounts.Length; kind++)
        {
            csv.WriteNumber(counts[kind]);
        }

        csv.WriteField(row.Md5);
        csv.WriteField(row.Sha1);
        csv.WriteField(row.Permalink);
        // File names and what a list said come from inputs: escaped like rejects.csv (JSON escapes them itself).
        csv.WriteField(PrintableText.Escape(row.Sources));
        csv.WriteNumber(row.Depth);
        csv.WriteTimestamp(row.FirstImportedAt);
        csv.WriteTimestamp(row.LookedUpAt);
        csv.WriteField(row.Context is null ? null : PrintableText.Escape(row.Context));
    }

    public void WriteJson(Utf8JsonWriter json, IndicatorRow row)
    {
        json.WriteString(Key.Indicator, row.Indicator);
        json.WriteString(Key.Type, row.Type);
        json.WriteString(Key.Status, row.Status);
        json.WriteNumber(Key.Votes, row.Votes);
        json.WriteString(Key.Verdict, row.Verdict);
        json.WriteBoolean(Key.InFeed, row.InFeed);
        var counts = row.Counts;
        for (var kind = 0; kind < RelationCounts.Length; kind++)
        {
            json.WriteNumber(Key.Counts[kind], counts[kind]);
        }

        json.WriteString(Key.Md5, row.Md5);
        json.WriteString(Key.Sha1, row.Sha1);
        json.WriteString(Key.Permalink, row.Permalink);
        json.WriteString(Key.Sources, row.Sources);
        json.WriteNumber(Key.Depth, row.Depth);
        json.WriteTimestamp(Key.FirstImportedAt, row.FirstImportedAt);
        json.WriteTimestamp(Key.LookedUpAt, row.LookedUpAt);
        json.WriteString(Key.Context, row.Context);
        json.WriteTime(row.LookedUpAt);
    }

    /// <summary>The column names, encoded once for JSON; the header takes their text.</summary>
    private static class Key
    {
        public static readonly JsonEncodedText Indicator = JsonEncodedText.Encode("indicator");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText Votes = JsonEncodedText.Encode("votes");
        public static readonly JsonEncodedText Verdict = JsonEncodedText.Encode("verdict");
        public static readonly JsonEncodedText InFeed = JsonEncodedText.Encode("in_feed");

        /// <summary>One count column per relation kind, indexed by kind.</summary>
        public static readonly ImmutableArray<JsonEncodedText> Counts = [.. RelationKindNames.All.Select(kind => JsonEncodedText.Encode(kind.ToCountColumn()))];

        public static readonly JsonEncodedText Md5 = JsonEncodedText.Encode("md5");
        public static readonly JsonEncodedText Sha1 = JsonEncodedText.Encode("sha1");
        public static readonly JsonEncodedText Permalink = JsonEncodedText.Encode("permalink");
        public static readonly JsonEncodedText Sources = JsonEncodedText.Encode("sources");
        public static readonly JsonEncodedText Depth = JsonEncodedText.Encode("depth");
        public static readonly JsonEncodedText FirstImportedAt = JsonEncodedText.Encode("first_imported_at");
        public static readonly JsonEncodedText LookedUpAt = JsonEncodedText.Encode("looked_up_at");
        public static readonly JsonEncodedText Context = JsonEncodedText.Encode("context");
    }
}
