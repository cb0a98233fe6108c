namespace ThreatCrowd.Batch.Model;

/// <summary>The vote states as the store keeps them (votes.state). Constants, so that the store's SQL can be written with them.</summary>
internal static class VoteStateNames
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    public static string ToName(this VoteState state) => state switch
    {
        VoteState.Pending => Pending,
        VoteState.Sent => Sent,
        VoteState.Failed => Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown vote state."),
    };

    public static VoteState Parse(string name) => name switch
    {
        Pending => VoteState.Pending,
        Sent => VoteState.Sent,
        Failed => VoteState.Failed,
        _ => throw new ArgumentException($"unknown vote state \"{name}\"", nameof(name)),
    };
}
