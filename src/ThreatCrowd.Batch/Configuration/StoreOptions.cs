namespace ThreatCrowd.Batch.Configuration;

/// <summary>Section <c>Store</c>: the SQLite file that holds the queue, the answers and the run history.</summary>
internal sealed class StoreOptions
{
    public string Path { get; init; } = "data/threatcrowd.db";
}
