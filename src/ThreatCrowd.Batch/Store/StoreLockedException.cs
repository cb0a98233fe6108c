namespace ThreatCrowd.Batch.Store;

/// <summary>Another process holds the store; the message names it.</summary>
internal sealed class StoreLockedException(string message) : Exception(message);
