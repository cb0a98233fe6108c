namespace ThreatCrowd.Batch.Configuration;

/// <summary>Section <c>Output:EnterpriseSecurity</c>: the threat-intel files Splunk Enterprise Security ingests.</summary>
internal sealed class EnterpriseSecurityOptions
{
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Also lists the related items (resolutions, hashes, e-mails...) of listed indicators. Off by default: guilt
    /// by association is weaker evidence, and a popular host related to one bad name would alert everywhere.
    /// </summary>
    public bool IncludeRelated { get; init; }

    public IntelWeightOptions Weights { get; init; } = new();

    /// <summary>
    /// The <c>max_age</c> of the app's threat sources: ES keeps an item that has left a file for this long. A week
    /// outlasts a few failed nightly exports (every export refreshes what is still listed), yet lets a dropped
    /// indicator stop alerting within days. Whole hours, from 1 hour to 3650 days.
    /// </summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Ships the app's threat sources enabled. Off by default: the same app goes to search heads without ES and to
    /// forwarders, where a threat source has nothing to run it; an ES admin enables them in ES instead.
    /// </summary>
    public bool EnableSources { get; init; }
}
