using System.Globalization;
using ThreatCrowd.Batch.Lookups;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Votes;

/// <summary>
/// Sends one vote: <c>GET vote.php?vote=0|1&amp;value=…</c>. Only the status of the reply means anything, so the
/// body is not read. Failures are classified as for lookups (5xx and network errors transient and unreachable).
/// </summary>
internal sealed class VoteClient(HttpClient http, Uri voteUrl)
{
    public static Uri VoteUri(Uri voteUrl, Indicator indicator, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(voteUrl);
        ArgumentNullException.ThrowIfNull(indicator);
        var query = string.Create(CultureInfo.InvariantCulture, $"vote={verdict.ToVoteParameter()}&value={Uri.EscapeDataString(indicator.Value)}");
        return new UriBuilder(voteUrl) { Query = query }.Uri;
    }

    public async Task<VoteResult> SendAsync(Indicator indicator, Verdict verdict, CancellationToken ct)
    {
        var uri = VoteUri(voteUrl, indicator, verdict);
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return HttpFailures.FromStatus(response) is { } failure
                ? new VoteResult(status, failure.FailureReason, failure.Transient, failure.Unreachable) { RetryAfter = failure.RetryAfter }
                : new VoteResult(status, null, false, false);
        }
        catch (HttpRequestException ex)
        {
            var failure = HttpFailures.FromException(ex, uri);
            return new VoteResult(null, failure.FailureReason, failure.Transient, failure.Unreachable);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            var seconds = http.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return new VoteResult(null, $"no answer within {seconds} s", true, true);
        }
    }
}
