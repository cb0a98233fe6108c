namespace ThreatCrowd.Batch.Splunk;

/// <summary>One <c>[stanza]</c> of a Splunk .conf or .meta file and its <c>key = value</c> settings, in order.</summary>
internal sealed record ConfStanza(string Name, IReadOnlyList<KeyValuePair<string, string>> Settings)
{
    public ConfStanza(string name, params (string Key, string Value)[] settings)
        : this(name, settings.Select(s => KeyValuePair.Create(s.Key, s.Value)).ToList())
    {
    }
}
