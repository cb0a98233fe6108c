namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>
/// Names an HTML page that came instead of JSON (an nginx 503 page, a Cloudflare challenge) by its title, which is
/// what an operator needs to tell an outage from a block.
/// </summary>
internal static class HtmlPages
{
    private const int MaxTitleLength = 80;

    public static string Describe(string html)
    {
        var title = Title(html);
        return title is null ? "HTML page instead of JSON" : $"HTML page instead of JSON: \"{title}\"";
    }

    private static string? Title(string html)
    {
        var open = html.IndexOf("<title", StringComparison.OrdinalIgnoreCase);
        var start = open < 0 ? -1 : html.IndexOf('>', open);
        var end = start < 0 ? -1 : html.IndexOf("</title", start, StringComparison.OrdinalIgnoreCase);
        if (end < 0)
        {
            return null;
        }

        var words = html[(start + 1)..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var title = string.Join(' ', words);
        if (title.Length == 0)
        {
            return null;
        }

        return title.Length <= MaxTitleLength ? title : string.Concat(title.AsSpan(0, MaxTitleLength), "…");
    }
}
