using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Requests;

/// <summary>
/// The last result of one request and its retries (null when the run's window closed before the first was sent),
/// how many requests it took, when the last one took its turn, and the end of the run it calls for when it was not
/// settled (<see cref="RunEnd.WindowClosed"/>, <see cref="RunEnd.Paused"/>, <see cref="RunEnd.Unreachable"/>): what
/// it asked is then left as it was, still due, and no longer marked in flight.
/// </summary>
internal sealed record RequestOutcome<T>(T? Result, int Attempts, DateTimeOffset? LastTurn, RunEnd? EndsRun)
    where T : class, IRequestResult;
