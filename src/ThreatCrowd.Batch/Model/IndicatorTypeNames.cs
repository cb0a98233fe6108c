namespace ThreatCrowd.Batch.Model;

/// <summary>The lower-case names used in the store, the tables and the configuration.</summary>
internal static class IndicatorTypeNames
{
    public static string ToName(this IndicatorType type) => type switch
    {
        IndicatorType.Domain => "domain",
        IndicatorType.Ip => "ip",
        IndicatorType.Email => "email",
        IndicatorType.File => "file",
        IndicatorType.Antivirus => "antivirus",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown indicator type."),
    };

    public static bool TryParse(string? name, out IndicatorType type)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "domain": type = IndicatorType.Domain; return true;
            case "ip": type = IndicatorType.Ip; return true;
            case "email": type = IndicatorType.Email; return true;
            case "file": type = IndicatorType.File; return true;
            case "antivirus": type = IndicatorType.Antivirus; return true;
            default: type = default; return false;
        }
    }
}
