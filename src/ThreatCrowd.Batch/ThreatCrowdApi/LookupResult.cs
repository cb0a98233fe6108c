using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>
/// The outcome of one request: an answer, or a failure with its reason. A transient failure is worth retrying;
/// a permanent one (a 4xx) is not. <paramref name="Unreachable"/> marks failures that say nothing about the
/// indicator and everything about the service (DNS, refused connection, TLS, timeout, 5xx, HTML pages), so that a
/// run of them can end the run early instead of failing the whole queue.
/// </summary>
internal sealed record LookupResult(LookupAnswer? Answer, string? FailureReason, bool Transient, bool Unreachable) : IRequestResult
{
    /// <summary>The pause the server asked for with the failure (429 or 503 with Retry-After), if it asked for one.</summary>
    public RetryAfter? RetryAfter { get; init; }

    public static LookupResult Answered(LookupAnswer answer) => new(answer, null, false, false);

    public static LookupResult TransientFailure(string reason, bool unreachable = false) => new(null, reason, true, unreachable);

    public static LookupResult PermanentFailure(string reason) => new(null, reason, false, false);
}
