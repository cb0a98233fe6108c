namespace ThreatCrowd.StandIn;

/// <summary>
/// Where the stand-in finds its answers and where it listens. Port 0 picks a free port. <see cref="Clock"/> only
/// stamps the recorded requests, so tests can check request timing against a fake clock. A strict mode turns away
/// requests that arrive too soon, as a server-side rate limiter does.
/// </summary>
public sealed record StandInOptions(string FixtureDirectory)
{
    public string Url { get; init; } = "http://127.0.0.1:0";

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>When set, API and vote requests arriving sooner than this after the previous one get 429 with Retry-After.</summary>
    public TimeSpan? StrictInterval { get; init; }

    /// <summary>A file each API and vote request's arrival time is appended to (see <see cref="StrictLimiter"/>).</summary>
    public string? ArrivalLogPath { get; init; }
}
