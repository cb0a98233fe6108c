
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>The report address of each indicator type, relative to a configurable base (the live host is gone).</summary>
internal static class ThreatCrowdEndpoints
{
    /// <param name="baseUrl">The searchApi/v2 root; it ends with a slash so relative paths append to it.</param>
    public static Uri ReportUri(Uri baseUrl, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(indicator);
        if (!baseUrl.AbsolutePath.EndsWith('/'))
        {
            // Without the slash the last path segment would be replaced rather than extended.
            throw new ArgumentException($"The base URL {baseUrl} must end with a slash.", nameof(baseUrl));
        }

        var (path, parameter) = Route(indicator.Type);
        return new Uri(baseUrl, $"{path}?{parameter}={Uri.EscapeDataString(indicator.Value)}");
    }

    /// <summary>The path and query parameter of a report; files are the odd one out and take <c>resource</c>.</summary>
    public static (string Path, string Parameter) Route(IndicatorType type) => type switch
    {
        IndicatorType.Email => ("email/report/", "email"),
        IndicatorType.Domain => ("domain/report/", "domain"),
        IndicatorType.Ip => ("ip/report/", "ip"),
        IndicatorType.Antivirus => ("antivirus/report/", "antivirus"),
        IndicatorType.File => ("file/report/", "resource"),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown indicator type."),
    };
}
