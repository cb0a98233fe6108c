using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Support;

/// <summary>Starts a stand-in on a free loopback port that serves the repository's fixtures.</summary>
internal static class StandInHost
{
    public static Task<StandInServer> StartAsync(TimeProvider? clock = null, string? fixtureDirectory = null) =>
        StandInServer.StartAsync(
            new StandInOptions(fixtureDirectory ?? Fixtures.Directory) { Clock = clock ?? TimeProvider.System },
            CancellationToken.None);
}
