using System.Text.Json;

namespace ThreatCrowd.Batch.Tables;

/// <summary>Writes the table value types as JSON properties in <see cref="TableFormat"/>, without allocating.</summary>
internal static class JsonFields
{
    private static readonly JsonEncodedText TimeName = JsonEncodedText.Encode("time");

    public static void WriteTimestamp(this Utf8JsonWriter json, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is { } timestamp)
        {
            Span<char> text = stackalloc char[TableFormat.TimestampLength];
            json.WriteString(name, text[..TableFormat.FormatTimestamp(timestamp, text)]);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void WriteNumber(this Utf8JsonWriter json, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void WriteNumber(this Utf8JsonWriter json, JsonEncodedText name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>The <c>time</c> property that closes every JSON line: epoch seconds, or null when there is no time.</summary>
    public static void WriteTime(this Utf8JsonWriter json, DateTimeOffset? value)
    {
        if (TableFormat.EpochSeconds(value) is { } seconds)
        {
            json.WriteNumber(TimeName, seconds);
        }
        else
        {
            json.WriteNull(TimeName);
        }
    }
}
