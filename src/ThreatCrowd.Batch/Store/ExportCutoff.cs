namespace ThreatCrowd.Batch.Store;

/// <summary>
/// Output:MaxAge as a bound on the store: an indicator is exported while its last import (by any input or feed)
/// is at or after <see cref="ImportedSinceMs"/>. Older ones stay in the store, out of every table.
/// </summary>
internal readonly record struct ExportCutoff(long ImportedSinceMs)
{
    /// <summary>Exports everything.</summary>
    public static ExportCutoff None => new(long.MinValue);

    /// <summary>A <paramref name="maxAge"/> of zero exports everything; otherwise what was imported since now minus it.</summary>
    public static ExportCutoff From(TimeSpan maxAge, DateTimeOffset now) =>
        maxAge <= TimeSpan.Zero ? None : new ExportCutoff(UnixMs.From(now - maxAge));
}
