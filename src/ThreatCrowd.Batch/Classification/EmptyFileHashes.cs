namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// The hashes of the empty file. The crowd-sourced feeds listed its MD5 as malicious, and answers carry it among
/// hashes; as intelligence it would flag every empty file anywhere, and looking it up spends a request on nothing.
/// </summary>
internal static class EmptyFileHashes
{
    public const string Reason = "the hash of the empty (zero-byte) file: it matches every empty file, so it is neither looked up nor used as intelligence";

    private static readonly HashSet<string> Hashes = new(StringComparer.Ordinal)
    {
        "d41d8cd98f00b204e9800998ecf8427e",
        "da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    };

    public static bool Contains(string normalizedHash) => Hashes.Contains(normalizedHash);
}
