namespace ThreatCrowd.Batch.Inputs;

/// <summary>A column whose cells say something about the row's indicator; <paramref name="Label"/> prefixes them ("tags"), or is empty.</summary>
internal sealed record CsvContextColumn(int Index, string Label);
