using System.Globalization;
using System.Text;
using System.Text.Json;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Bench.Data;

/// <summary>
/// Answers shaped like the real ones in samples/threatcrowd: a domain's resolutions to addresses with dates, its
/// hashes, e-mail addresses and subdomains; an address's resolutions to domains and its hashes; an e-mail
/// address's domains; a file's scans, addresses and domains; an antivirus family's hashes. The body is the JSON
/// the service would have sent for exactly those relations.
/// </summary>
internal static class AnswerShapes
{
    private static readonly string[] Scans = ["Trojan.Win32.Cossta", "Backdoor:Win32/Neunut", "TSPY_COSSTA", "Mal/Dloadr-BK", "W32/Cossta.WQS!tr", "APT1"];

    public static AnsweredIndicator Create(IndicatorType type, string value, long seed, long index, int relations)
    {
        var random = new SplitMix(seed ^ 0x4444, index);
        var list = new List<(string Kind, string Related, string RelatedType, string? LastResolved)>(relations);
        for (var k = 0; k < relations; k++)
        {
            list.Add(Relation(type, ref random, k));
        }

        int? votes = random.Below(4) switch { 0 => null, 1 => -1, 2 => 0, _ => 1 };
        var md5 = type == IndicatorType.File ? (value.Length == 32 ? value : IndicatorValues.HexString(ref random, 32)) : null;
        var sha1 = type == IndicatorType.File ? IndicatorValues.HexString(ref random, 40) : null;
        var permalink = Permalink(type, value);
        return new AnsweredIndicator(type, value, true, votes, md5, sha1, permalink, list, Body(type, votes, md5, sha1, permalink, list));
    }

    public static AnsweredIndicator NotFound(IndicatorType type, string value) =>
        new(type, value, false, null, null, null, Permalink(type, value), [], "{\"response_code\":\"0\"}");

    private static (string, string, string, string?) Relation(IndicatorType type, ref SplitMix random, int k)
    {
        var roll = random.Below(100);
        return type switch
        {
            IndicatorType.Domain when roll < 60 => (RelationKindNames.Resolution, NumberedIp(ref random, k), "ip", Date(ref random)),
            IndicatorType.Domain when roll < 80 => (RelationKindNames.Hash, IndicatorValues.HexString(ref random, 32), "file", null),
            IndicatorType.Domain when roll < 85 => (RelationKindNames.Email, NumberedWord(ref random, k) + "@" + IndicatorValues.Domain(ref random), "email", null),
            IndicatorType.Domain => (RelationKindNames.Subdomain, NumberedWord(ref random, k) + "." + IndicatorValues.Domain(ref random), "domain", null),
            IndicatorType.Ip when roll < 75 => (RelationKindNames.Resolution, NumberedWord(ref random, k) + "." + IndicatorValues.Domain(ref random), "domain", Date(ref random)),
            IndicatorType.Ip => (RelationKindNames.Hash, IndicatorValues.HexString(ref random, 32), "file", null),
            IndicatorType.Email => (RelationKindNames.Domain, NumberedWord(ref random, k) + "." + IndicatorValues.Domain(ref random), "domain", null),
            IndicatorType.File when roll < 70 => (RelationKindNames.Scan, Scans[random.Below(Scans.Length)] + "." + k.ToString(CultureInfo.InvariantCulture), "antivirus", null),
            IndicatorType.File when roll < 85 => (RelationKindNames.Ip, NumberedIp(ref random, k), "ip", null),
            IndicatorType.File => (RelationKindNames.Domain, NumberedWord(ref random, k) + "." + IndicatorValues.Domain(ref random), "domain", null),
            _ => (RelationKindNames.Hash, IndicatorValues.HexString(ref random, 32), "file", null),
        };
    }

    // The number k makes every related item of one answer distinct, as the relations key requires.
    private static string NumberedIp(ref SplitMix random, int k) =>
        string.Create(CultureInfo.InvariantCulture, $"{23 + random.Below(190)}.{k / 254 % 256}.{k % 254 + 1}.{random.Below(254) + 1}");

    private static string NumberedWord(ref SplitMix random, int k) =>
        IndicatorValues.Word(ref random, 3, 8) + k.ToString(CultureInfo.InvariantCulture);

    private static string Date(ref SplitMix random) =>
        new DateOnly(2013, 1, 1).AddDays(random.Below(1500)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Permalink(IndicatorType type, string value) => type switch
    {
        IndicatorType.Domain => "https://www.threatcrowd.org/domain.php?domain=" + value,
        IndicatorType.Ip => "https://www.threatcrowd.org/ip.php?ip=" + value,
        IndicatorType.Email => "https://www.threatcrowd.org/email.php?email=" + value,
        IndicatorType.File => "https://www.threatcrowd.org/malware.php?md5=" + value,
        _ => "https://www.threatcrowd.org/listMalware.php?antivirus=" + value,
    };

    private static string Body(
        IndicatorType type, int? votes, string? md5, string? sha1, string permalink,
        List<(string Kind, string Related, string RelatedType, string? LastResolved)> relations)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("response_code", "1");
            if (md5 is not null)
            {
                json.WriteString("md5", md5);
                json.WriteString("sha1", sha1);
            }

            var resolutionKey = type == IndicatorType.Domain ? "ip_address" : "domain";
            json.WriteStartArray("resolutions");
            foreach (var r in relations.Where(r => r.Kind == RelationKindNames.Resolution))
            {
                json.WriteStartObject();
                json.WriteString("last_resolved", r.LastResolved);
                json.WriteString(resolutionKey, r.Related);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            foreach (var (kind, name) in ListNames(type))
            {
                json.WriteStartArray(name);
                foreach (var r in relations.Where(r => r.Kind == kind))
                {
                    json.WriteStringValue(r.Related);
                }

                json.WriteEndArray();
            }

            json.WriteStartArray("references");
            json.WriteEndArray();
            if (votes is { } v)
            {
                json.WriteNumber("votes", v);
            }

            json.WriteString("permalink", permalink);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static (string Kind, string Name)[] ListNames(IndicatorType type) => type switch
    {
        IndicatorType.Domain => [(RelationKindNames.Hash, "hashes"), (RelationKindNames.Email, "emails"), (RelationKindNames.Subdomain, "subdomains")],
        IndicatorType.Ip => [(RelationKindNames.Hash, "hashes")],
        IndicatorType.Email => [(RelationKindNames.Domain, "domains")],
        IndicatorType.File => [(RelationKindNames.Scan, "scans"), (RelationKindNames.Ip, "ips"), (RelationKindNames.Domain, "domains")],
        _ => [(RelationKindNames.Hash, "hashes")],
    };
}
