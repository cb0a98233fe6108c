using System.Globalization;
using System.Text.Json;

namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>
/// Reads single fields of a report. Any key may be missing or hold the wrong type; both read as absent,
/// so one odd field never costs the rest of an answer.
/// </summary>
internal static class ReportFields
{
    public static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value);
    }

    public static string? String(JsonElement element, string name) =>
        TryGet(element, name, out var value) ? AsString(value) : null;

    /// <summary>The elements of a list; anything but an array reads as an empty list.</summary>
    public static IEnumerable<JsonElement> List(JsonElement element, string name) =>
        TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    public static string? AsString(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate cannot become a .NET string; the value is unreadable, not the answer.
            return null;
        }
    }

    /// <summary>-1, 0 or 1 (also as a numeric string); anything else, or nothing, is unknown rather than 0.</summary>
    public static int? Votes(JsonElement report)
    {
        if (!TryGet(report, "votes", out var value))
        {
            return null;
        }

        int votes;
        var readable = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt32(out votes),
            JsonValueKind.String => int.TryParse(AsString(value)?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out votes),
            _ => Unreadable(out votes),
        };
        return readable && votes is >= -1 and <= 1 ? votes : null;
    }

    private static bool Unreadable(out int votes)
    {
        votes = 0;
        return false;
    }
}
