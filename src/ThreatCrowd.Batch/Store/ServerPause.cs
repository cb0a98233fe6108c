namespace ThreatCrowd.Batch.Store;

/// <summary>A pause the server asked for (Retry-After): no request starts before <paramref name="Until"/>.</summary>
internal sealed record ServerPause(DateTimeOffset Until, string Reason);
