namespace ThreatCrowd.Batch.Configuration;

/// <summary>
/// Credentials written into a URL (<c>https://user:secret@host/</c>). A URL is printed, stored as a source's
/// name and written into the tables, so a URL that carries them is refused, or, for the proxy, taken apart before
/// anything else sees it; and a URL quoted in a message always has them blanked out first.
/// </summary>
internal static class UrlCredentials
{
    private const string Blank = "***";

    /// <summary>Whether the text is an absolute URL with a user name or password in it.</summary>
    public static bool Present(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.UserInfo);

    /// <summary>
    /// The text with everything between the scheme and the last <c>@</c> blanked: works on text that is not a valid
    /// URL too (that is when it is quoted in an error), and blanks too much rather than too little.
    /// </summary>
    public static string Redact(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? string.Empty;
        }

        var at = value.LastIndexOf('@');
        if (at < 0)
        {
            return value;
        }

        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        var start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
        return string.Concat(value.AsSpan(0, start), Blank, value.AsSpan(at));
    }
}
