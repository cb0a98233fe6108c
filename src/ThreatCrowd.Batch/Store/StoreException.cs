namespace ThreatCrowd.Batch.Store;

/// <summary>The store cannot be used as it is (newer schema, not a store, damaged, in a folder it cannot write); the message says what to do.</summary>
internal sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
