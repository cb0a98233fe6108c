namespace ThreatCrowd.Batch.Store;

/// <summary>The store keeps times as Unix milliseconds; these convert at its edge.</summary>
internal static class UnixMs
{
    public static long From(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset To(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? To(long? ms) => ms is { } value ? To(value) : null;
}
