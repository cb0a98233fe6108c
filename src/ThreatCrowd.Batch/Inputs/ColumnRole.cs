namespace ThreatCrowd.Batch.Inputs;

/// <summary>What a CSV column is for, as its name (or the file's layout) tells.</summary>
internal enum ColumnKind
{
    /// <summary>Holds indicators: looked up.</summary>
    Value,

    /// <summary>Says what each row's value is (MISP's type, OTX's "Indicator type", ThreatFox's ioc_type).</summary>
    Type,

    /// <summary>What the source says about the indicator (family, threat type, tags, confidence): kept with it.</summary>
    Context,

    /// <summary>MISP's to_ids flag.</summary>
    ToIds,

    /// <summary>Holds something that looks like an indicator but is not a lookup (certificate fingerprints): each value is counted.</summary>
    Skipped,

    /// <summary>Describes rather than names an indicator (dates, ids, links, comments): not read.</summary>
    Ignored,
}

/// <summary>
/// A column's role. <paramref name="Hint"/> is the type a value column's name states (null: the row's type cell or
/// detection says); <paramref name="Why"/> says why an ignored or skipped column is not read, or labels a context
/// column ("tags", "confidence"; empty for a family or threat type, shown bare).
/// </summary>
internal sealed record ColumnRole(ColumnKind Kind, string? Hint = null, string Why = "")
{
    public static ColumnRole Generic { get; } = new(ColumnKind.Value);

    public static ColumnRole Ignored(string why) => new(ColumnKind.Ignored, Why: why);
}
