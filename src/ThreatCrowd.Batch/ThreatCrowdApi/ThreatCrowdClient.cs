using System.Text;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>
/// Sends exactly one request per lookup and says what came back. Pacing and retries belong to the caller, which
/// alone knows how many requests the rate limit still allows.
/// </summary>
internal sealed class ThreatCrowdClient(HttpClient http, Uri baseUrl, int maxRelations = int.MaxValue)
{
    /// <summary>The largest answer read; the biggest real reports were a few hundred kilobytes.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    public async Task<LookupResult> LookupAsync(Indicator indicator, CancellationToken ct)
    {
        var uri = ThreatCrowdEndpoints.ReportUri(baseUrl, indicator);
        // The headers and the body are read apart, so that what only a body can throw is caught around the body
        // alone; the client's Timeout then covers the headers only, and this allowance the whole exchange.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (http.Timeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(http.Timeout);
        }

        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var failure = HttpFailures.FromStatus(response);
            if (failure is not null)
            {
                return failure;
            }

            byte[] bytes;
            try
            {
                // The cap counts decompressed bytes, so a small bomb stops at the cap too.
                await response.Content.LoadIntoBufferAsync(MaxBodyBytes, timeout.Token).ConfigureAwait(false);
                bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (BodyReadFailure.Is(ex))
            {
                return HttpFailures.UnreadableBody(ex, uri);
            }

            if (bytes.Length > MaxBodyBytes)
            {
                return HttpFailures.TooLarge;
            }

            // The real server labelled its JSON text/html; the declared type and charset are ignored on purpose.
            return ReportParser.Parse(indicator.Type, Decode(bytes), maxRelations);
        }
        catch (HttpRequestException ex)
        {
            return HttpFailures.FromException(ex, uri);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Not our token: the time allowed for one exchange ran out.
            return HttpFailures.NoAnswerWithin(http.Timeout);
        }
    }

    private static string Decode(byte[] bytes)
    {
        var preamble = Encoding.UTF8.Preamble;
        var text = bytes.AsSpan();
        return Encoding.UTF8.GetString(text.StartsWith(preamble) ? text[preamble.Length..] : text);
    }
}
