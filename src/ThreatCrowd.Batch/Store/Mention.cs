namespace ThreatCrowd.Batch.Store;

/// <summary>One mention of an indicator by a source, as the import holds it until its batch is written: the stored type name, the value, and what the source said.</summary>
internal readonly record struct Mention(string Type, string Value, string? Context);
