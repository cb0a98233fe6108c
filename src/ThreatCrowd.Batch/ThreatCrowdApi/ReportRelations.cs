using System.Text.Json;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>Which lists each report type carries and what the items in them are.</summary>
internal static class ReportRelations
{
    /// <summary>The relations kept, and how many items beyond <paramref name="maxKept"/> were not.</summary>
    public static (IReadOnlyList<Relation> Kept, int Cut) Read(IndicatorType type, JsonElement report, int maxKept = int.MaxValue)
    {
        var relations = new RelationCollector(maxKept);
        switch (type)
        {
            case IndicatorType.Domain:
                AddResolutions(relations, report, "ip_address", _ => "ip");
                AddList(relations, report, "hashes", RelationKindNames.Hash, "file");
                AddList(relations, report, "emails", RelationKindNames.Email, "email");
                AddList(relations, report, "subdomains", RelationKindNames.Subdomain, "domain");
                break;
            case IndicatorType.Ip:
                // An ip report's "domain" sometimes holds an address rather than a name.
                AddResolutions(relations, report, "domain", value => AnswerValueCleaner.IsIpAddress(value) ? "ip" : "domain");
                AddList(relations, report, "hashes", RelationKindNames.Hash, "file");
                break;
            case IndicatorType.Email:
                AddList(relations, report, "domains", RelationKindNames.Domain, "domain");
                break;
            case IndicatorType.Antivirus:
                AddList(relations, report, "hashes", RelationKindNames.Hash, "file");
                break;
            case IndicatorType.File:
                AddList(relations, report, "scans", RelationKindNames.Scan, "antivirus", keepCase: true);
                AddList(relations, report, "ips", RelationKindNames.Ip, "ip");
                AddList(relations, report, "domains", RelationKindNames.Domain, "domain");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown indicator type.");
        }

        AddList(relations, report, "references", RelationKindNames.Reference, "reference", keepCase: true);
        return (relations.ToList(), relations.Cut);
    }

    private static void AddList(
        RelationCollector relations, JsonElement report, string name, string kind, string relatedType, bool keepCase = false)
    {
        foreach (var item in ReportFields.List(report, name))
        {
            relations.Add(kind, ReportFields.AsString(item), _ => relatedType, keepCase);
        }
    }

    private static void AddResolutions(
        RelationCollector relations, JsonElement report, string valueName, Func<string, string> relatedType)
    {
        foreach (var row in ReportFields.List(report, "resolutions"))
        {
            relations.Add(
                RelationKindNames.Resolution,
                ReportFields.String(row, valueName),
                relatedType,
                rawDate: ReportFields.String(row, "last_resolved"));
        }
    }
}
