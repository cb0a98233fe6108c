namespace ThreatCrowd.Batch.Model;

/// <summary>Where an indicator stands in the queue; <see cref="IndicatorStateNames"/> spells it as stored.</summary>
internal enum IndicatorState
{
    /// <summary>Never asked yet (or queued again by a pivot).</summary>
    Pending,

    /// <summary>The service knows it: the answer is stored.</summary>
    Found,

    /// <summary>The service answered that it knows nothing of it (response_code 0), a real answer.</summary>
    NotFound,

    /// <summary>Asked and not answered; due again after its retry time.</summary>
    Failed,
}
