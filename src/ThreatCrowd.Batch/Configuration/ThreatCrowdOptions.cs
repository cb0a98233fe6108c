namespace ThreatCrowd.Batch.Configuration;

/// <summary>Section <c>ThreatCrowd</c>: where the service is and how politely to ask it.</summary>
internal sealed class ThreatCrowdOptions
{
    public string BaseUrl { get; init; } = "https://www.threatcrowd.org/searchApi/v2/";

    /// <summary>Where votes go: GET with vote=0 (malicious) or vote=1 (not malicious) and value.</summary>
    public string VoteUrl { get; init; } = "https://www.threatcrowd.org/vote.php";

    /// <summary>The service asks for no more than one request every ten seconds; retries count too.</summary>
    public TimeSpan RequestInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest pause asked for with Retry-After (on a 429 or a 503) that a run waits out; a longer one ends the
    /// run, everything not answered still due.
    /// </summary>
    public TimeSpan MaxPause { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Covers the whole request, body included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests per indicator per run, the first included, before it is marked failed.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Consecutive requests that could not reach the service before the run stops early.</summary>
    public int UnreachableAfter { get; init; } = 5;

    /// <summary>An explicit proxy URL; empty uses the system's (HTTPS_PROXY, HTTP_PROXY, NO_PROXY).</summary>
    public string? Proxy { get; init; }
}
