using System.Text.Json;

namespace ThreatCrowd.Batch.Tables;

/// <summary>How one row of a table becomes the properties of one JSON object.</summary>
internal interface IJsonLayout<in TRow>
{
    /// <summary>Writes the properties of the row's object, which the caller has started and will end.</summary>
    void WriteJson(Utf8JsonWriter json, TRow row);
}
