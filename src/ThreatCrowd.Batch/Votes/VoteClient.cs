using System.Globalization;
using ThreatCrowd.Batch.ThreatCrowdApi;
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
                ? VoteResult.Failed(status, failure)
                : new VoteResult(status, null, false, false);
        }
        catch (HttpRequestException ex)
        {
            return VoteResult.Failed(null, HttpFailures.FromException(ex, uri));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return VoteResult.Failed(null, HttpFailures.NoAnswerWithin(http.Timeout));
        }
    }
}
