using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.RegularExpressions;

namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>
/// Classifies what went wrong on the wire. Failures of the service itself (5xx, no connection, TLS, a cut
/// connection) are marked unreachable so a run of them can end a run early; a 4xx says the request will never work.
/// </summary>
internal static partial class HttpFailures
{
    public static LookupResult TooLarge { get; } = LookupResult.TransientFailure("answer larger than 16 MB");

    /// <summary>The time allowed for one exchange ran out: the service is as good as down.</summary>
    public static LookupResult NoAnswerWithin(TimeSpan timeout) =>
        LookupResult.TransientFailure(
            $"no answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s", unreachable: true);

    /// <summary>Null for a success status, whose body is then worth parsing.</summary>
    public static LookupResult? FromStatus(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        if (code is >= 200 and <= 299)
        {
            return null;
        }

        var reason = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? $"HTTP {code}" : $"HTTP {code} {response.ReasonPhrase.Trim()}";
        var failure = code switch
        {
            >= 500 => LookupResult.TransientFailure(reason, unreachable: true),
            429 or 408 => LookupResult.TransientFailure(reason),
            >= 300 and <= 399 when response.Headers.Location is { } location =>
                LookupResult.PermanentFailure($"{reason} (redirect to {location} not followed)"),
            _ => LookupResult.PermanentFailure(reason),
        };
        return failure with { RetryAfter = RetryAfter.From(response) };
    }

    public static LookupResult FromException(HttpRequestException exception, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(uri);
        if (exception.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            // The same error stops an oversized body (MaxResponseContentBufferSize) and oversized headers
            // (MaxResponseHeadersLength); only its text tells which.
            return exception.Message.Contains("header", StringComparison.OrdinalIgnoreCase)
                ? LookupResult.TransientFailure($"answer's headers larger than the {HeadersLimitKiB} KB allowed")
                : TooLarge;
        }

        return LookupResult.TransientFailure(Describe(exception, uri), unreachable: true);
    }

    /// <summary>The handler's default limit on an answer's headers, in KiB (SocketsHttpHandler.MaxResponseHeadersLength).</summary>
    private const int HeadersLimitKiB = 64;

    /// <summary>The server answered, but its body could not be read: transient, as the next answer may be whole.</summary>
    public static LookupResult UnreadableBody(Exception exception, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return LookupResult.TransientFailure($"unreadable answer from {uri.Host}:{uri.Port}: {BodyReadFailure.Describe(exception)}");
    }

    private static string Describe(HttpRequestException exception, Uri uri)
    {
        var endpoint = $"{uri.Host}:{uri.Port}";

        // A connection failure names the endpoint actually dialled, "(host:port)" at the end of its text: with a
        // proxy in between, that is the proxy, and blaming the service for it would send the operator the wrong way.
        if (exception.HttpRequestError == HttpRequestError.ConnectionError
            && DialledEndpoint().Match(exception.Message) is { Success: true } dialled
            && !string.Equals(dialled.Groups[1].Value, endpoint, StringComparison.OrdinalIgnoreCase))
        {
            endpoint = $"the proxy {dialled.Groups[1].Value}";
        }

        var inner = Innermost(exception);
        var socket = exception.InnerException as SocketException ?? inner as SocketException;
        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => $"cannot resolve host {uri.Host}",
            HttpRequestError.SecureConnectionError => $"TLS handshake failed: {(inner is AuthenticationException or IOException ? inner.Message : exception.Message)}",
            _ when socket?.SocketErrorCode == SocketError.ConnectionRefused => $"connection refused by {endpoint}",
            _ when socket?.SocketErrorCode == SocketError.ConnectionReset => $"connection reset by {endpoint}",
            _ when socket?.SocketErrorCode == SocketError.TimedOut => $"cannot connect to {endpoint}: timed out",
            HttpRequestError.ConnectionError => $"cannot connect to {endpoint}: {inner.Message}",
            HttpRequestError.ResponseEnded => $"connection reset by {endpoint} before the answer was complete",
            HttpRequestError.ProxyTunnelError => $"proxy refused the tunnel to {endpoint}: {exception.Message}",
            HttpRequestError.InvalidResponse => $"invalid HTTP answer from {endpoint}: {exception.Message}",
            _ => $"request to {endpoint} failed: {inner.Message}",
        };
    }

    [GeneratedRegex(@"\(([^()\s]+:[0-9]{1,5})\)$", RegexOptions.CultureInvariant)]
    private static partial Regex DialledEndpoint();

    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current;
    }
}
