namespace ThreatCrowd.StandIn;

/// <summary>
/// One misbehaviour, applied to the next report request in place of (or before) the normal answer. The factories
/// reproduce what the live service was seen to send.
/// </summary>
public sealed record StandInFault
{
    private const string Nginx503 =
        "<html><head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n"
        + "<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private const string CloudflareChallenge =
        "<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title>"
        + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"><meta name=\"robots\" content=\"noindex,nofollow\">"
        + "</head><body><div class=\"main-wrapper\" role=\"main\"><div class=\"main-content\">"
        + "<h1 class=\"zone-name-title h1\">www.threatcrowd.org</h1>"
        + "<h2 class=\"h2\" id=\"challenge-running\">Checking if the site connection is secure</h2></div></div>"
        + "<noscript>Enable JavaScript and cookies to continue</noscript></body></html>";

    private StandInFault(StandInFaultKind kind) => Kind = kind;

    public StandInFaultKind Kind { get; }

    public int StatusCode { get; private init; } = 200;

    /// <summary>The HTTP/1.1 reason phrase, when it differs from the standard one (nginx says "Temporarily").</summary>
    public string? ReasonPhrase { get; private init; }

    public string ResponseBody { get; private init; } = "";

    public TimeSpan DelayBefore { get; private init; }

    /// <summary>A Retry-After header sent with the status: seconds, or an HTTP date.</summary>
    public string? RetryAfter { get; private init; }

    public static StandInFault Status(int code, string body = "")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(code, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, 599);
        return new(StandInFaultKind.Status) { StatusCode = code, ResponseBody = body ?? "" };
    }

    /// <summary>A status (429 or 503, as a rate limiter sends them) with a Retry-After of seconds or an HTTP date.</summary>
    public static StandInFault StatusRetryAfter(int code, string retryAfter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(retryAfter);
        return Status(code) with { RetryAfter = retryAfter };
    }

    public static StandInFault Html503() =>
        new(StandInFaultKind.Status) { StatusCode = 503, ReasonPhrase = "Service Temporarily Unavailable", ResponseBody = Nginx503 };

    /// <summary>A Cloudflare-like browser challenge; the live site sent these with status 200 in some regions.</summary>
    public static StandInFault HtmlPage() => Body(CloudflareChallenge);

    public static StandInFault EmptyBody() => Body("");

    /// <summary>The database overload notice the live service sent with status 200.</summary>
    public static StandInFault TooManyConnections() => Body("Too many connections");

    public static StandInFault Truncated() => new(StandInFaultKind.Truncated);

    /// <summary>Waits (in real time) before the normal answer; a client that gives up ends the wait.</summary>
    public static StandInFault Delay(TimeSpan before)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(before, TimeSpan.Zero);
        return new(StandInFaultKind.Delay) { DelayBefore = before };
    }

    public static StandInFault Reset() => new(StandInFaultKind.Reset);

    /// <summary>Sends the status, headers and half the normal answer, then pauses (real time) before the rest.</summary>
    public static StandInFault SlowBody(TimeSpan pause)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pause, TimeSpan.Zero);
        return new(StandInFaultKind.SlowBody) { DelayBefore = pause };
    }

    /// <summary>
    /// Declares the answer compressed (<c>gzip</c>, <c>deflate</c> or <c>br</c>) and sends bytes that are not: what a broken
    /// proxy or a hostile server can do, and what a client's decompressor throws on.
    /// </summary>
    public static StandInFault BadCompression(string contentEncoding)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentEncoding);
        return new(StandInFaultKind.BadCompression) { ContentEncoding = contentEncoding, ResponseBody = "this is not compressed at all" };
    }

    /// <summary>The <c>Content-Encoding</c> header a <see cref="StandInFaultKind.BadCompression"/> fault declares.</summary>
    public string? ContentEncoding { get; private init; }

    public static StandInFault Body(string text) => new(StandInFaultKind.Body) { ResponseBody = text ?? "" };
}
