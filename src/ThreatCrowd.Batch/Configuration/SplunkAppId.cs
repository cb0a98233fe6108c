using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ThreatCrowd.Batch.Configuration;

/// <summary>
/// The rule Splunk's app validator (AppInspect) applies to an app's id, which is also its folder's name: a letter
/// first, then letters, digits, '.', '_' and '-'; not the name of a package file; not the name of an app Splunk
/// ships, which the app would replace or be shadowed by.
/// </summary>
internal static partial class SplunkAppId
{
    private static readonly string[] PackageSuffixes = [".tar", ".tgz", ".tar.gz", ".spl", ".zip"];

    private static readonly FrozenSet<string> Reserved = new[]
    {
        "alert_logevent", "alert_webhook", "appsbrowser", "framework", "introspection_generator_addon", "journald_input",
        "launcher", "learned", "legacy", "python_upgrade_readiness_app", "sample_app", "search", "splunk_archiver",
        "splunk_assist", "splunk_essentials", "splunk_gdi", "splunk_httpinput", "splunk_instrumentation",
        "splunk_internal_metrics", "splunk_metrics_workspace", "splunk_monitoring_console", "splunk_rapid_diag",
        "splunk_secure_gateway", "SplunkForwarder", "SplunkLightForwarder", "system", "user-prefs",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="id"/> is not a valid app id, or null when it is.</summary>
    public static string? WhyNot(string id)
    {
        if (!Pattern().IsMatch(id))
        {
            return "it must start with a letter and hold only letters, digits, '.', '_' and '-'";
        }

        if (Array.Find(PackageSuffixes, s => id.EndsWith(s, StringComparison.OrdinalIgnoreCase)) is { } suffix)
        {
            return $"it must not end in \"{suffix}\", which names a package file";
        }

        return Reserved.Contains(id) ? "it is the name of an app Splunk ships" : null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]*$")]
    private static partial Regex Pattern();
}
