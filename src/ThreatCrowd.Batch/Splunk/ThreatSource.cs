using System.Globalization;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Intel;

namespace ThreatCrowd.Batch.Splunk;

/// <summary>
/// An Enterprise Security threat source of the app (<c>[threatlist://…]</c> in default/inputs.conf): the lookup ES
/// reads, what it holds, the source's weight, how long ES keeps an item that left it (a Splunk relative time such
/// as <c>-7d</c>), and whether it ships enabled.
/// </summary>
internal sealed record ThreatSource(string Lookup, string Description, int Weight, string MaxAge, bool Enabled)
{
    /// <summary>
    /// The source of one threat-intel file. Its weight is the feed weight, the evidence most rows carry; every row
    /// also has a weight of its own.
    /// </summary>
    public static ThreatSource For(IntelCollection collection, EnterpriseSecurityOptions options) => new(
        collection.Name,
        $"ThreatCrowd: {collection.Holds} the crowd flags as malicious ({collection.EsCollection})",
        options.Weights.Feed,
        RelativeTime(options.MaxAge),
        options.EnableSources);

    /// <summary>Whole days as <c>-7d</c>, else whole hours as <c>-36h</c> (the settings are checked to be whole hours).</summary>
    public static string RelativeTime(TimeSpan age) =>
        age.Ticks % TimeSpan.TicksPerDay == 0
            ? string.Create(CultureInfo.InvariantCulture, $"-{(long)age.TotalDays}d")
            : string.Create(CultureInfo.InvariantCulture, $"-{(long)age.TotalHours}h");
}
