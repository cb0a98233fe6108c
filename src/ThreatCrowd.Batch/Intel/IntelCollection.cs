using System.Collections.Immutable;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Intel;

/// <summary>
/// One threat-intel file for Splunk Enterprise Security: which indicators it holds and its header, exactly as ES
/// requires (no spaces, <c>description</c> first, <c>weight</c> last). ES has no domain collection: domains go to
/// ip_intel with a <c>domain</c> column, so addresses and domains are two files for the same collection.
/// <paramref name="Holds"/> says what it lists, in words, for the description of its ES threat source.
/// </summary>
internal sealed record IntelCollection(string Name, IndicatorType Type, string EsCollection, ImmutableArray<string> Columns, string Holds)
{
    public static ImmutableArray<IntelCollection> All { get; } =
    [
        new("threatcrowd_ip_intel", IndicatorType.Ip, "ip_intel", ["description", "ip", "weight"], "IP addresses"),
        new("threatcrowd_domain_intel", IndicatorType.Domain, "ip_intel", ["description", "domain", "weight"], "domains"),
        new("threatcrowd_file_intel", IndicatorType.File, "file_intel", ["description", "file_hash", "file_name", "weight"], "file hashes"),
        new("threatcrowd_email_intel", IndicatorType.Email, "email_intel", ["description", "src_user", "subject", "weight"], "e-mail addresses"),
    ];
}
