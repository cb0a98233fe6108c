using System.Collections.Immutable;
using System.Text.Json;
using CsvHelper;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Tables;

/// <summary>
/// The columns of threatcrowd_relations, one row per related item, the flat form a lookup can match on. JSON adds
/// <c>time</c>, the epoch seconds of the lookup that found the item.
/// </summary>
internal sealed class RelationLayout : ICsvLayout<RelationRow>, IJsonLayout<RelationRow>
{
    private static readonly ImmutableArray<string> Header =
    [
        Key.Indicator.Value, Key.Type.Value, Key.Relation.Value, Key.Related.Value, Key.RelatedType.Value,
        Key.LastResolved.Value, Key.LookedUpAt.Value,
    ];

    public ImmutableArray<string> Columns => Header;

    public void WriteCsv(CsvWriter csv, RelationRow row)
    {
        csv.WriteField(row.Indicator);
        csv.WriteField(row.Type);
        csv.WriteField(row.Relation);
        csv.WriteField(row.Related);
        csv.WriteField(row.RelatedType);
        csv.WriteField(row.LastResolved);
        csv.WriteTimestamp(row.LookedUpAt);
    }

    public void WriteJson(Utf8JsonWriter json, RelationRow row)
    {
        json.WriteString(Key.Indicator, row.Indicator);
        json.WriteString(Key.Type, row.Type);
        json.WriteString(Key.Relation, row.Relation);
        json.WriteString(Key.Related, row.Related);
        json.WriteString(Key.RelatedType, row.RelatedType);
        json.WriteString(Key.LastResolved, row.LastResolved);
        json.WriteTimestamp(Key.LookedUpAt, row.LookedUpAt);
        json.WriteTime(row.LookedUpAt);
    }

    /// <summary>The column names, encoded once for JSON; the header takes their text.</summary>
    private static class Key
    {
        public static readonly JsonEncodedText Indicator = JsonEncodedText.Encode("indicator");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Relation = JsonEncodedText.Encode("relation");
        public static readonly JsonEncodedText Related = JsonEncodedText.Encode("related");
        public static readonly JsonEncodedText RelatedType = JsonEncodedText.Encode("related_type");
        public static readonly JsonEncodedText LastResolved = JsonEncodedText.Encode("last_resolved");
        public static readonly JsonEncodedText LookedUpAt = JsonEncodedText.Encode("looked_up_at");
    }
}
