namespace ThreatCrowd.Batch.Configuration;

/// <summary>
/// One entry of <c>Sources:Files</c>: how to read the input files whose path matches <see cref="Path"/>, for the
/// rare file detection reads wrong. Each of <see cref="Columns"/>, <see cref="Type"/> and <see cref="HeaderLine"/>
/// overrides what is detected; what is left out is still detected.
/// </summary>
internal sealed class FileReadOptions
{
    /// <summary>A path or a pattern (<c>*</c> any characters, <c>?</c> one) matched against the input's path.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The only columns read for indicators: header names, or 1-based numbers in a file without a header.</summary>
    public string[] Columns { get; init; } = [];

    /// <summary>The type of every value read (domain, ip, email, md5, sha1, sha256, hash, url, antivirus), or empty to detect it.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>The header's line number (a commented-out header too); 0 for a file without one; null to detect it.</summary>
    public int? HeaderLine { get; init; }
}
