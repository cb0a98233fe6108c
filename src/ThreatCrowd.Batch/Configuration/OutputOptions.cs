namespace ThreatCrowd.Batch.Configuration;

/// <summary>Section <c>Output</c>: where the tables are written.</summary>
internal sealed class OutputOptions
{
    public string Directory { get; init; } = "out";
}
