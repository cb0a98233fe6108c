using System.Globalization;
using System.Net.Http.Headers;

namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>
/// A server's <c>Retry-After</c> on a 429 or a 503: a number of seconds, or an HTTP date. Either way it asks the
/// client as a whole to stop for that long, not just to ask that one request again later.
/// </summary>
internal sealed record RetryAfter(TimeSpan? Delay, DateTimeOffset? Date)
{
    /// <summary>Null when the answer carries no usable Retry-After, or is not a 429 or a 503.</summary>
    public static RetryAfter? From(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var code = (int)response.StatusCode;
        if (code is not (429 or 503) || response.Headers.RetryAfter is not RetryConditionHeaderValue header)
        {
            return null;
        }

        return header.Delta is { } delta ? new RetryAfter(delta, null)
            : header.Date is { } date ? new RetryAfter(null, date)
            : null;
    }

    /// <summary>The time before which no request may start.</summary>
    public DateTimeOffset Until(DateTimeOffset now) => Delay is { } delay ? now + delay : Date ?? now;

    public string Describe() => Delay is { } delay
        ? string.Create(CultureInfo.InvariantCulture, $"Retry-After {delay.TotalSeconds:0.###} s")
        : string.Create(CultureInfo.InvariantCulture, $"Retry-After {Date?.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
}
