using System.Buffers;
using System.Text;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>Reading a feed's body as text, with a size cap, and telling a text list from an HTML page.</summary>
internal static class FeedText
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The body decoded as UTF-8 (invalid bytes become U+FFFD), or null when it exceeds <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (content.Length + read > maxBytes)
                {
                    return null;
                }

                content.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var bytes = content.GetBuffer().AsSpan(0, (int)content.Length);
        return Encoding.UTF8.GetString(bytes.StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes);
    }

    /// <summary>
    /// Whether the body is markup: services that are down or behind a login answer 200 with an HTML page, whose
    /// lines would otherwise all be rejected as values.
    /// </summary>
    public static bool LooksLikeHtml(string text) => text.AsSpan().TrimStart().StartsWith('<');

    /// <summary>The size cap as a reason: "is larger than 64 MB".</summary>
    public static string TooLarge(long maxBytes) =>
        maxBytes % (1024 * 1024) == 0 ? $"is larger than {maxBytes / (1024 * 1024)} MB" : $"is larger than {maxBytes} bytes";
}
