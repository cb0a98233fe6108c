namespace ThreatCrowd.Batch.Model;

/// <summary>A normalized indicator: the value exactly as it is stored and sent to the API.</summary>
internal sealed record Indicator(IndicatorType Type, string Value)
{
    public override string ToString() => $"{Type.ToName()} {Value}";
}
