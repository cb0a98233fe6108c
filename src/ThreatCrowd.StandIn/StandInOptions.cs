namespace ThreatCrowd.StandIn;

/// <summary>
/// Where the stand-in finds its answers and where it listens. Port 0 picks a free port. <see cref="Clock"/> only
/// stamps the recorded requests, so tests can check request timing against a fake clock.
/// </summary>
public sealed record StandInOptions(string FixtureDirectory)
{
    public string Url { get; init; } = "http://127.0.0.1:0";

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
