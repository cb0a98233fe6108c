namespace ThreatCrowd.Batch.Model;

/// <summary>Where an analyst's vote stands; <see cref="VoteStateNames"/> spells it as stored.</summary>
internal enum VoteState
{
    /// <summary>Queued, not yet acknowledged: sent by the next vote run (again, after a transient failure).</summary>
    Pending,

    /// <summary>Acknowledged by the service: never sent again.</summary>
    Sent,

    /// <summary>Refused for good (or no longer allowed to be sent).</summary>
    Failed,
}
