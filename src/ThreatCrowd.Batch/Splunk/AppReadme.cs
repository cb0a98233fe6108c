using System.Text;

namespace ThreatCrowd.Batch.Splunk;

/// <summary>The app's README.txt: what the app holds and how it is refreshed, for the admin who installs it.</summary>
internal static class AppReadme
{
    public static string Text(string id, string version, IEnumerable<LookupDefinition> lookups, IReadOnlyCollection<ThreatSource> sources)
    {
        var text = new StringBuilder();
        text.Append(id).Append(' ').Append(version).Append('\n')
            .Append("ThreatCrowd lookups and threat intelligence, written by ").Append(SplunkAppFiles.Author).Append(".\n\n")
            .Append("What it holds\n")
            .Append("  lookups/                 the CSV lookup tables below, nothing else\n")
            .Append("  default/transforms.conf  one lookup definition per table, matched without regard to case\n")
            .Append("  default/props.conf       sourcetypes threatcrowd:json (JSON tables read by a forwarder) and threatcrowd:hec\n");
        if (sources.Count > 0)
        {
            text.Append("  default/inputs.conf      one Enterprise Security threat source per threat-intel lookup, shipped ")
                .Append(sources.All(s => s.Enabled) ? "enabled" : "disabled").Append('\n');
        }

        text.Append("  default/app.conf, metadata/default.meta  the app, readable by all and shared with every app\n\n")
            .Append("Lookups\n");
        foreach (var lookup in lookups)
        {
            text.Append("  ").Append(lookup.Name).Append("  (lookups/").Append(lookup.FileName).Append(", up to ")
                .Append(lookup.MaxMatches).Append(lookup.MaxMatches == 1 ? " match per key)\n" : " matches per key)\n");
        }

        text.Append('\n')
            .Append("How it is refreshed\n")
            .Append("  Every export of ").Append(SplunkAppFiles.Author).Append(" rewrites the lookups and the configuration, each file\n")
            .Append("  whole through a temporary file and a rename, and writes the package ").Append(id).Append(".tgz again.\n")
            .Append("  On one search head the app may be written in place; on Splunk Cloud upload the package, and in a\n")
            .Append("  search-head cluster deploy it from the deployer's etc/shcluster/apps/, after each export.\n")
            .Append("  Put your own settings in local/, which the program never touches; Splunk layers it over default/.\n");
        if (sources.Count > 0)
        {
            text.Append("  Enterprise Security keeps an item that left a lookup for its source's max_age (")
                .Append(sources.First().MaxAge).Append(").\n");
        }

        return text.ToString();
    }
}
