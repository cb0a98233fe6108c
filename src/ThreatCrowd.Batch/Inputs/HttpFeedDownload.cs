using ThreatCrowd.Batch.ThreatCrowdApi;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>Fetches an http(s) feed, turning every way it can fail into a <see cref="FeedUnavailableException"/>.</summary>
internal static class HttpFeedDownload
{
    private const string SeeInnerException = ", see inner exception.";

    public static async Task<string> FetchTextAsync(HttpClient http, FeedSource feed, long maxBytes, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var uri))
        {
            throw new FeedUnavailableException(feed, "is not a valid URL");
        }

        // HttpClient.Timeout stops at the headers when the body is streamed; the body gets the same allowance.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (http.Timeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(http.Timeout);
        }

        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var phrase = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? "" : $" ({response.ReasonPhrase})";
                throw new FeedUnavailableException(feed, $"answered HTTP {(int)response.StatusCode}{phrase}");
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw new FeedUnavailableException(feed, FeedText.TooLarge(maxBytes));
            }

            return await ReadBodyAsync(response, feed, maxBytes, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FeedUnavailableException(feed, $"did not answer within {http.Timeout.TotalSeconds:0.#} seconds", e);
        }
        catch (HttpRequestException e)
        {
            throw new FeedUnavailableException(feed, "cannot be reached: " + Describe(e), e);
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, FeedSource feed, long maxBytes, CancellationToken ct)
    {
        try
        {
            using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            return await FeedText.ReadAsync(body, maxBytes, ct).ConfigureAwait(false)
                ?? throw new FeedUnavailableException(feed, FeedText.TooLarge(maxBytes));
        }
        catch (Exception e) when (BodyReadFailure.Is(e))
        {
            throw new FeedUnavailableException(feed, "sent an unreadable body: " + BodyReadFailure.Describe(e), e);
        }
    }

    // DNS, refused connections and TLS failures hide the useful part in the inner exception.
    private static string Describe(HttpRequestException exception)
    {
        var message = exception.Message;
        var inner = exception.InnerException?.Message;
        if (string.IsNullOrEmpty(inner) || message.Contains(inner, StringComparison.Ordinal))
        {
            return message;
        }

        return message.EndsWith(SeeInnerException, StringComparison.Ordinal)
            ? $"{message[..^SeeInnerException.Length]}: {inner}"
            : $"{message}: {inner}";
    }
}
