using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// What a value turned out to be when read without a hint: an indicator, a reason it is a broken one, or neither
/// (it resembles nothing). <see cref="Attempted"/> names the type a reason is about (null when the reason applies to
/// any type, like a space), so a hint of another type can leave an irrelevant reason out. A reason that is not
/// <see cref="Specific"/> is only worth showing when a hint asked for that type (a lone word is not a broken domain).
/// </summary>
internal readonly record struct Detection(Indicator? Indicator, string? Reason, IndicatorType? Attempted, bool Specific)
{
    public static Detection Unrecognized => default;

    public static Detection Found(IndicatorType type, string value) => new(new Indicator(type, value), null, type, true);

    public static Detection Broken(string reason, IndicatorType? attempted) => new(null, reason, attempted, true);

    public static Detection Unlikely(string reason, IndicatorType attempted) => new(null, reason, attempted, false);
}
