namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>
/// What reading a response body can throw once the headers have arrived. Besides a cut connection
/// (<see cref="IOException"/>), the platform's decompressors throw on a body declared compressed that is not:
/// <see cref="InvalidDataException"/> for gzip and deflate, <see cref="InvalidOperationException"/> for br. Only
/// code that reads a body may use this filter: there the server chose every byte, so any of these is the server's
/// fault, never ours, and belongs to the one indicator or feed it answered.
/// </summary>
internal static class BodyReadFailure
{
    public static bool Is(Exception exception) =>
        exception is IOException or InvalidDataException or InvalidOperationException;

    /// <summary>The reason, e.g. "body not validly compressed (Decoder ran into invalid data.)".</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is IOException
            ? $"body broke off ({exception.Message})"
            : $"body not validly compressed ({exception.Message})";
    }
}
