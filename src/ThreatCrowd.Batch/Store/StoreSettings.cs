namespace ThreatCrowd.Batch.Store;

/// <summary>Where the store is: the SQLite file at <paramref name="Path"/>.</summary>
internal sealed record StoreSettings(string Path);
