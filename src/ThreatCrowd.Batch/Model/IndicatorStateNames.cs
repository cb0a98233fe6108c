namespace ThreatCrowd.Batch.Model;

/// <summary>
/// The states as the store keeps them (indicators.state) and the tables print them. Constants, so that the store's
/// SQL can be written with them.
/// </summary>
internal static class IndicatorStateNames
{
    public const string Pending = "pending";
    public const string Found = "found";
    public const string NotFound = "not_found";
    public const string Failed = "failed";

    public static string ToName(this IndicatorState state) => state switch
    {
        IndicatorState.Pending => Pending,
        IndicatorState.Found => Found,
        IndicatorState.NotFound => NotFound,
        IndicatorState.Failed => Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown indicator state."),
    };

    public static IndicatorState Parse(string name) => name switch
    {
        Pending => IndicatorState.Pending,
        Found => IndicatorState.Found,
        NotFound => IndicatorState.NotFound,
        Failed => IndicatorState.Failed,
        _ => throw new ArgumentException($"unknown indicator state \"{name}\"", nameof(name)),
    };
}
