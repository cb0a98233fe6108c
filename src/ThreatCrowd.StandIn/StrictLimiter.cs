using System.Globalization;

namespace ThreatCrowd.StandIn;

/// <summary>
/// What a strict server-side rate limiter does: a request to the API or the vote form that arrives sooner than
/// <see cref="StandInOptions.StrictInterval"/> after the previous arrival is turned away with 429 and a
/// <c>Retry-After</c> (whole seconds, rounded up). Every arrival counts, turned away or not, as a sliding limiter
/// counts them. Each arrival is appended to <see cref="StandInOptions.ArrivalLogPath"/> when one is given, so a
/// test or the bench can read the spacing the server saw, across every process that talked to it.
/// </summary>
internal sealed class StrictLimiter(TimeSpan? interval, string? arrivalLogPath)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _previous;

    /// <summary>Records an arrival; returns how long the client should wait, or null when it was in time.</summary>
    public TimeSpan? Arrive(DateTimeOffset at, string path)
    {
        lock (_gate)
        {
            var early = interval is { } min && _previous is { } previous && at - previous < min ? previous + min - at : (TimeSpan?)null;
            _previous = at;
            if (arrivalLogPath is not null)
            {
                // One line per arrival: Unix time in milliseconds with a fraction, the path, and 429 when turned away.
                var ms = (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerMillisecond;
                File.AppendAllText(arrivalLogPath, string.Create(CultureInfo.InvariantCulture, $"{ms:F3} {path}{(early is null ? "" : " 429")}\n"));
            }

            return early;
        }
    }

    /// <summary>The Retry-After value: whole seconds, at least one, never less than the wait.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
