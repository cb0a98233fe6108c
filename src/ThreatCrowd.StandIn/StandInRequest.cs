namespace ThreatCrowd.StandIn;

/// <summary>
/// One request as the stand-in received it: <paramref name="Path"/> decoded, <paramref name="Query"/> raw with its
/// leading <c>?</c> (empty when there is none), <paramref name="At"/> from the configured clock.
/// </summary>
public sealed record StandInRequest(DateTimeOffset At, string Path, string Query)
{
    /// <summary>The User-Agent header sent, empty when there was none.</summary>
    public string UserAgent { get; init; } = "";

    /// <summary>In strict mode: the request arrived too soon after the previous one and was answered 429.</summary>
    public bool TooEarly { get; init; }
}
