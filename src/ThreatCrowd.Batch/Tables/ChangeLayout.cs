using System.Collections.Immutable;
using System.Text.Json;
using CsvHelper;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Tables;

/// <summary>
/// The columns of threatcrowd_changes: what changed (added or removed), for which indicator, whether a verdict or a
/// related item, and when and by which run it was detected. JSON adds <c>time</c>, the epoch seconds of detection.
/// </summary>
internal sealed class ChangeLayout : ICsvLayout<ChangeRow>, IJsonLayout<ChangeRow>
{
    private static readonly ImmutableArray<string> Header =
    [
        Key.Change.Value, Key.Indicator.Value, Key.Type.Value, Key.Relation.Value, Key.Related.Value,
        Key.RelatedType.Value, Key.Verdict.Value, Key.RunId.Value, Key.DetectedAt.Value,
    ];

    public ImmutableArray<string> Columns => Header;

    public void WriteCsv(CsvWriter csv, ChangeRow row)
    {
        csv.WriteField(row.Change);
        csv.WriteField(row.Indicator);
        csv.WriteField(row.Type);
        csv.WriteField(row.Relation);
        csv.WriteField(row.Related);
        csv.WriteField(row.RelatedType);
        csv.WriteField(row.Verdict);
        csv.WriteNumber(row.RunId);
        csv.WriteTimestamp(row.DetectedAt);
    }

    public void WriteJson(Utf8JsonWriter json, ChangeRow row)
    {
        json.WriteString(Key.Change, row.Change);
        json.WriteString(Key.Indicator, row.Indicator);
        json.WriteString(Key.Type, row.Type);
        json.WriteString(Key.Relation, row.Relation);
        json.WriteString(Key.Related, row.Related);
        json.WriteString(Key.RelatedType, row.RelatedType);
        json.WriteString(Key.Verdict, row.Verdict);
        json.WriteNumber(Key.RunId, row.RunId);
        json.WriteTimestamp(Key.DetectedAt, row.DetectedAt);
        json.WriteTime(row.DetectedAt);
    }

    /// <summary>The column names, encoded once for JSON; the header takes their text.</summary>
    private static class Key
    {
        public static readonly JsonEncodedText Change = JsonEncodedText.Encode("change");
        public static readonly JsonEncodedText Indicator = JsonEncodedText.Encode("indicator");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Relation = JsonEncodedText.Encode("relation");
        public static readonly JsonEncodedText Related = JsonEncodedText.Encode("related");
        public static readonly JsonEncodedText RelatedType = JsonEncodedText.Encode("related_type");
        public static readonly JsonEncodedText Verdict = JsonEncodedText.Encode("verdict");
        public static readonly JsonEncodedText RunId = JsonEncodedText.Encode("run_id");
        public static readonly JsonEncodedText DetectedAt = JsonEncodedText.Encode("detected_at");
    }
}
