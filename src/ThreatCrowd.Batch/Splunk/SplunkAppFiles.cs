using System.Globalization;

namespace ThreatCrowd.Batch.Splunk;

/// <summary>
/// The text of the app's configuration files. Each says it is rewritten by every export: local changes belong in
/// the app's local/ folder, which Splunk layers over default/ and the program never touches.
/// </summary>
internal static class SplunkAppFiles
{
    /// <summary>The app's author in app.conf, by which the program recognizes a folder as its own app (<see cref="SplunkAppOwner"/>).</summary>
    public const string Author = "ThreatCrowd.Batch";

    private const string Rewritten = "Written by ThreatCrowd.Batch at every export; put changes in local/, which it never touches.";

    public static string Transforms(IEnumerable<LookupDefinition> lookups) => ConfText.Render(
        ["One lookup definition per CSV file in lookups/, matched without regard to case.", Rewritten],
        lookups.Select(l => new ConfStanza(
            l.Name,
            ("filename", l.FileName),
            ("case_sensitive_match", "false"),
            ("max_matches", l.MaxMatches.ToString(CultureInfo.InvariantCulture)))));

    public static string Props() => ConfText.Render(
        ["The sourcetypes of the JSON tables: read from files by a forwarder, or posted to the HTTP Event Collector.", Rewritten],
        [
            new ConfStanza(
                SplunkSourcetypes.JsonFiles,
                ("description", "ThreatCrowd.Batch tables, one JSON object per line (threatcrowd_*.json)"),
                ("category", "Structured"),
                ("INDEXED_EXTRACTIONS", "json"),
                ("TIMESTAMP_FIELDS", "time"),
                ("TIME_FORMAT", "%s"),
                ("KV_MODE", "none"),
                ("AUTO_KV_JSON", "false")),
            new ConfStanza(
                SplunkSourcetypes.Hec,
                ("description", "ThreatCrowd.Batch table rows posted to the HTTP Event Collector (hec/threatcrowd_*.json)"),
                ("category", "Structured"),
                ("KV_MODE", "json")),
        ]);

    public static string App(string id, string version) => ConfText.Render(
        ["ThreatCrowd lookups and threat intelligence, for searches in any app.", Rewritten],
        [
            new ConfStanza("package", ("id", id), ("check_for_updates", "false")),
            new ConfStanza("id", ("name", id), ("version", version)),
            new ConfStanza("ui", ("is_visible", "false"), ("label", "ThreatCrowd lookups")),
            new ConfStanza(
                "launcher",
                ("author", Author),
                ("description", "Lookup tables, change tables and Enterprise Security threat intelligence from ThreatCrowd answers."),
                ("version", version)),
        ]);

    /// <summary>
    /// Readable by everyone, and exported to every app, so <c>| inputlookup threatcrowd_indicators</c> works anywhere;
    /// writable by admin and by sc_admin, Splunk Cloud's administrator role.
    /// </summary>
    public static string Meta() => ConfText.Render(
        ["Everything here is shared with all apps: the lookup files, their definitions and the sourcetypes.", Rewritten],
        [
            new ConfStanza(string.Empty, ("access", "read : [ * ], write : [ admin, sc_admin ]")),
            new ConfStanza("lookups", ("export", "system")),
            new ConfStanza("transforms", ("export", "system")),
            new ConfStanza("props", ("export", "system")),
        ]);

    /// <summary>
    /// One Enterprise Security threat source per threat-intel lookup (<c>url = lookup://…</c>), as Splunk's TA-misp_es
    /// ships its own: ES reads the lookup at each interval and keeps an item that has left it for max_age.
    /// </summary>
    public static string Inputs(IEnumerable<ThreatSource> sources) => ConfText.Render(
        [
            "Enterprise Security threat sources, one per threat-intel lookup. Without ES they do nothing.",
            "Enable them in ES (Threat Intelligence Sources) or with Output:EnterpriseSecurity:EnableSources.",
            Rewritten,
        ],
        sources.Select(s => new ConfStanza(
            "threatlist://" + s.Lookup,
            ("description", s.Description),
            ("disabled", s.Enabled ? "0" : "1"),
            ("max_age", s.MaxAge),
            ("type", "threatlist"),
            ("url", "lookup://" + s.Lookup),
            ("weight", s.Weight.ToString(CultureInfo.InvariantCulture)))));
}
