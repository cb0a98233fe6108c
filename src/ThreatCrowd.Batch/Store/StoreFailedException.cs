namespace ThreatCrowd.Batch.Store;

/// <summary>
/// An operation of the store failed (a full disk, an I/O error) though the store itself is usable: what was
/// committed before it is kept, and running again after fixing the cause carries on.
/// </summary>
internal sealed class StoreFailedException(string message, Exception? inner = null) : Exception(message, inner);
