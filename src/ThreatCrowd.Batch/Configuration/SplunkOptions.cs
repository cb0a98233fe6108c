namespace ThreatCrowd.Batch.Configuration;

/// <summary>Section <c>Output:Splunk</c>: the ready Splunk app and the HTTP Event Collector files.</summary>
internal sealed class SplunkOptions
{
    /// <summary>Writes a Splunk app (lookups, transforms.conf, props.conf, app.conf, default.meta) with every export.</summary>
    public bool App { get; init; } = true;

    /// <summary>The app's folder, whose name is the app's id; empty means <c>splunk/TA-threatcrowd</c> under Output:Directory.</summary>
    public string AppDirectory { get; init; } = string.Empty;

    /// <summary>Also writes each JSON table as <c>.hec.json</c>, events ready to post to the HTTP Event Collector.</summary>
    public bool Hec { get; init; }

    /// <summary>The <c>index</c> of every HEC event; empty leaves it to the token's default index.</summary>
    public string HecIndex { get; init; } = string.Empty;
}
