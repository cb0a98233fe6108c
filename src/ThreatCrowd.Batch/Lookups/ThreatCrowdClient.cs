using System.Globalization;
using System.Text;
using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Lookups;

/// <summary>
/// Sends exactly one request per lookup and says what came back. Pacing and retries belong to the caller, which
/// alone knows how many requests the rate limit still allows.
/// </summary>
internal sealed class ThreatCrowdClient(HttpClient http, Uri baseUrl)
{
    /// <summary>The largest answer read; the biggest real reports were a few hundred kilobytes.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    public async Task<LookupResult> LookupAsync(Indicator indicator, CancellationToken ct)
    {
        var uri = ThreatCrowdEndpoints.ReportUri(baseUrl, indicator);
        try
        {
            // ResponseContentRead buffers the body inside SendAsync, so the client's Timeout covers the whole read.
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            var failure = HttpFailures.FromStatus(response);
            if (failure is not null)
            {
                return failure;
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            if (bytes.Length > MaxBodyBytes)
            {
                return HttpFailures.TooLarge;
            }

            // The real server labelled its JSON text/html; the declared type and charset are ignored on purpose.
            return ReportParser.Parse(indicator.Type, Decode(bytes));
        }
        catch (HttpRequestException ex)
        {
            return HttpFailures.FromException(ex, uri);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Not our token: the HttpClient's own Timeout ran out.
            var seconds = http.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return LookupResult.TransientFailure($"no answer within {seconds} s", unreachable: true);
        }
    }

    private static string Decode(byte[] bytes)
    {
        var preamble = Encoding.UTF8.Preamble;
        var text = bytes.AsSpan();
        return Encoding.UTF8.GetString(text.StartsWith(preamble) ? text[preamble.Length..] : text);
    }
}
