namespace ThreatCrowd.Batch.Store;

/// <summary>
/// The steps that bring a store from one schema version to the next. Step N turns version N into N + 1 and must
/// also set <c>PRAGMA user_version = N + 1</c>. A new store gets schema.sql directly and needs none of them.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyDictionary<int, string> Steps { get; } = new Dictionary<int, string>();
}
