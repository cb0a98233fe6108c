namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>
/// What one request to the service came back with, as far as pacing and retrying go, whatever was asked (a lookup,
/// a vote): the failure's reason, whether sending it again may work (<see cref="Transient"/>), whether it says the
/// service is down rather than anything about the request (<see cref="Unreachable"/>), and a pause the server asked
/// for. A success is neither transient nor unreachable.
/// </summary>
internal interface IRequestResult
{
    string? FailureReason { get; }

    bool Transient { get; }

    bool Unreachable { get; }

    RetryAfter? RetryAfter { get; }
}
