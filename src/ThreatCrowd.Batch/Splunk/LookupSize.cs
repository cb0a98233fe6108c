using System.Globalization;

namespace ThreatCrowd.Batch.Splunk;

/// <summary>
/// Splunk keeps a lookup file in memory up to max_memtable_bytes (25 MB by default) and indexes a larger one on
/// disk, which makes every lookup in it slower; lookups also travel to every indexer in the knowledge bundle. A
/// table over Output:WarnAboveMegabytes is still written whole, with this warning.
/// </summary>
internal static class LookupSize
{
    public const long BytesPerMegabyte = 1024 * 1024;

    private const string Advice =
        "Splunk indexes a lookup over max_memtable_bytes (25 MB by default) on disk, and every lookup in it is slower. " +
        "Set Output:MaxAge to age out indicators no input names any more; or keep it out of the knowledge bundle " +
        "([replicationDenylist] in distsearch.conf, with lookup local=t), load it into a KV store collection, or raise " +
        "max_memtable_bytes under [lookup] in limits.conf on the search heads (docs/tables.md, \"A lookup over 25 MB\").";

    /// <summary>The warning for the CSV file at <paramref name="path"/>, or null when it is small enough (or the limit is 0).</summary>
    public static string? Warning(string path, double warnAboveMegabytes)
    {
        var bytes = new FileInfo(path).Length;
        if (warnAboveMegabytes <= 0 || bytes <= warnAboveMegabytes * BytesPerMegabyte)
        {
            return null;
        }

        var size = string.Create(
            CultureInfo.InvariantCulture,
            $"{Path.GetFileName(path)} is {bytes / (double)BytesPerMegabyte:0.0} MB, over Output:WarnAboveMegabytes ({warnAboveMegabytes:0.###} MB). ");
        return size + Advice;
    }
}
