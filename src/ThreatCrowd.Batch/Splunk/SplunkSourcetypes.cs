namespace ThreatCrowd.Batch.Splunk;

/// <summary>
/// The app's two sourcetypes. Files read by a forwarder take their fields at input time (INDEXED_EXTRACTIONS);
/// events posted to the HTTP Event Collector skip that step, so theirs are extracted at search time (KV_MODE).
/// Each uses one of the two, never both, which would extract every field twice.
/// </summary>
internal static class SplunkSourcetypes
{
    public const string JsonFiles = "threatcrowd:json";

    public const string Hec = "threatcrowd:hec";
}
