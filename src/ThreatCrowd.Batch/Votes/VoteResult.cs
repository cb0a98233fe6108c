using ThreatCrowd.Batch.ThreatCrowdApi;

namespace ThreatCrowd.Batch.Votes;

/// <summary>
/// What one vote request came back with: acknowledged (a 2xx), or a failure that is transient (worth sending again;
/// <paramref name="Unreachable"/> when it says the service is down) or permanent (a 4xx).
/// </summary>
internal sealed record VoteResult(int? Status, string? FailureReason, bool Transient, bool Unreachable) : IRequestResult
{
    public bool Acknowledged => FailureReason is null;

    /// <summary>The pause the server asked for (429 or 503 with Retry-After); it holds back every request, not only votes.</summary>
    public RetryAfter? RetryAfter { get; init; }

    /// <summary>A failure classified as for a lookup (<see cref="HttpFailures"/>), with the status if there was one.</summary>
    public static VoteResult Failed(int? status, LookupResult failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new VoteResult(status, failure.FailureReason, failure.Transient, failure.Unreachable) { RetryAfter = failure.RetryAfter };
    }
}
