using ThreatCrowd.Batch.Inputs;

using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Inputs;

public sealed class CsvIndicatorReaderColumnTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly CsvIndicatorReader _reader = new();

    public void Dispose() => _directory.Dispose();

    private List<SourceEntry> Read(string text)
    {
        var path = _directory.Write("input.csv", text);
        return [.. _reader.Read(path)];
    }

    [Fact]
    public void A_generic_column_is_read_with_the_type_column_as_hint_and_other_columns_ignored()
    {
        var path = _directory.Write("demo.csv", "comment,indicator,type\nfirst,aoldaily[.]com,\nsecond,plugx,antivirus\n");

        _reader.Read(path).ShouldBe(
        [
            new SourceEntry(path, 2, "aoldaily[.]com", null),
            new SourceEntry(path, 3, "plugx", "antivirus"),
        ]);
    }

    [Theory]
    [InlineData("indicator")]
    [InlineData("ioc")]
    [InlineData("value")]
    [InlineData("observable")]
    [InlineData("IOC")]
    [InlineData("  Value  ")]
    public void Each_generic_column_name_is_recognized(string header)
    {
        var entries = Read($"first_seen,{header}\n2024-01-01,evil.com\n");

        entries.ShouldBe([new SourceEntry(entries[0].Source, 2, "evil.com", null)]);
    }

    [Theory]
    [InlineData("domain", "domain")]
    [InlineData("ip", "ip")]
    [InlineData("email", "email")]
    [InlineData("md5", "md5")]
    [InlineData("sha1", "sha1")]
    [InlineData("sha256", "sha256")]
    [InlineData("hash", "hash")]
    [InlineData("antivirus", "antivirus")]
    [InlineData("url", "url")]
    [InlineData("ip_address", "ip")]
    [InlineData("IP Address", "ip")]
    [InlineData("hostname", "domain")]
    [InlineData("host", "domain")]
    [InlineData("fqdn", "domain")]
    [InlineData("dest_host", "domain")]
    [InlineData("query", "domain")]
    [InlineData("dynamic_dns_domains", "domain")]
    [InlineData("src_ip", "ip")]
    [InlineData("dest_ip", "ip")]
    [InlineData("dst_ip", "ip")]
    [InlineData("sender", "email")]
    [InlineData("recipient", "email")]
    [InlineData("e-mail", "email")]
    [InlineData("file_hash", "hash")]
    [InlineData("sha256_hash", "sha256")]
    [InlineData("md5_hash", "md5")]
    public void A_column_named_after_a_type_gives_that_type_as_hint(string header, string hint)
    {
        var entries = Read($"first_seen,{header}\n2024-01-01,x1\n");

        entries.ShouldBe([new SourceEntry(entries[0].Source, 2, "x1", hint)]);
    }

    [Theory]
    [InlineData("src")]
    [InlineData("dest")]
    [InlineData("ioc_value")]
    [InlineData("Indicator")]
    public void A_column_of_any_type_gives_no_hint(string header)
    {
        var entries = Read($"first_seen,{header}\n2024-01-01,evil.com\n");

        entries.ShouldBe([new SourceEntry(entries[0].Source, 2, "evil.com", null)]);
    }

    [Theory]
    [InlineData("urlhaus_link")]
    [InlineData("reference")]
    [InlineData("url_status")]
    [InlineData("dst_port")]
    [InlineData("ioc_id")]
    [InlineData("first_seen_utc")]
    [InlineData("reporter")]
    [InlineData("comment")]
    [InlineData("description")]
    [InlineData("file_name")]
    [InlineData("phish_detail_url")]
    [InlineData("imphash")]
    [InlineData("malware")]
    [InlineData("tags")]
    public void A_column_that_describes_an_indicator_is_not_read(string header)
    {
        var entries = Read($"domain,{header}\nevil.com,http://other.com/x\n");

        entries.Select(entry => (entry.Line, entry.Value, entry.TypeHint)).ShouldBe([(2L, "evil.com", "domain")]);
    }

    [Fact]
    public void Typed_column_names_are_matched_without_case_and_given_as_lower_case_hints()
    {
        var entries = Read(" MD5 ,Domain\nd41d8cd98f00b204e9800998ecf8427e,evil.com\n");

        entries.Select(entry => (entry.Value, entry.TypeHint)).ShouldBe([("d41d8cd98f00b204e9800998ecf8427e", "md5"), ("evil.com", "domain")]);
    }

    [Fact]
    public void Every_typed_column_is_read_and_empty_cells_are_skipped()
    {
        var entries = Read("ip,domain,md5,comment\n1.2.3.4,evil.com,,x\n,,d41d8cd98f00b204e9800998ecf8427e,y\n");

        entries.Select(entry => (entry.Line, entry.Value, entry.TypeHint)).ShouldBe(
        [
            (2L, "1.2.3.4", "ip"),
            (2L, "evil.com", "domain"),
            (3L, "d41d8cd98f00b204e9800998ecf8427e", "md5"),
        ]);
    }

    [Fact]
    public void Every_column_holding_indicators_is_read()
    {
        var entries = Read("src_ip,dest_ip,indicator\n1.2.3.4,5.6.7.8,evil.com\n");

        entries.Select(entry => entry.Value).ShouldBe(["1.2.3.4", "5.6.7.8", "evil.com"]);
    }

    [Fact]
    public void Extra_cells_beyond_the_header_are_ignored()
    {
        var entries = Read("indicator\nevil.com,extra,cells\n");

        entries.ShouldBe([new SourceEntry(entries[0].Source, 2, "evil.com", null)]);
    }

    [Fact]
    public void An_empty_type_cell_gives_no_hint_and_a_type_cell_is_trimmed()
    {
        var entries = Read("indicator,type\nevil.com,\nplugx, antivirus \n");

        entries.Select(entry => entry.TypeHint).ShouldBe([null, "antivirus"]);
    }

    [Fact]
    public void Misp_composite_values_give_the_parts_that_are_lookups()
    {
        var entries = Read(
            "category,type,value\nNetwork activity,domain|ip,evil.com|1.2.3.4\nNetwork activity,ip-dst|port,5.6.7.8|443\n"
            + "Payload delivery,filename|md5,invoice.doc|d41d8cd98f00b204e9800998ecf8427f\nNetwork activity,hostname|port,c2.evil.com|8080\n");

        entries.Select(entry => (entry.Line, entry.Value, entry.TypeHint)).ShouldBe(
        [
            (2L, "evil.com", "domain"), (2L, "1.2.3.4", "ip"), (3L, "5.6.7.8", "ip"),
            (4L, "d41d8cd98f00b204e9800998ecf8427f", "md5"), (5L, "c2.evil.com", "domain"),
        ]);
    }

    [Theory]
    [InlineData("ip:port", "ip")]
    [InlineData("md5_hash", "md5")]
    [InlineData("sha256_hash", "sha256")]
    [InlineData("FileHash-SHA1", "sha1")]
    [InlineData("IPv6", "ip")]
    [InlineData("email-src", "email")]
    [InlineData("URL", "url")]
    [InlineData("hostname", "domain")]
    public void Type_cells_are_read_in_each_source_vocabulary(string type, string hint)
    {
        var entries = Read($"ioc_value,ioc_type\nx,{type}\n");

        entries.Select(entry => entry.TypeHint).ShouldBe([hint]);
    }

    [Theory]
    [InlineData("link")]
    [InlineData("yara")]
    [InlineData("FileHash-IMPHASH")]
    [InlineData("CVE")]
    [InlineData("threat-actor")]
    public void A_type_that_is_not_a_lookup_is_skipped_with_its_name(string type)
    {
        var entries = Read($"indicator,type\nx,{type}\n");

        entries.Select(entry => (entry.Problem, entry.Skipped)).ShouldBe([(null, $"type \"{type.ToLowerInvariant()}\" is not looked up")]);
    }

    [Fact]
    public void Without_a_header_a_second_column_that_names_a_type_that_is_not_a_lookup_is_not_taken_for_one()
    {
        var entries = Read("evil.com,comment\n");

        entries.Select(entry => (entry.Value, entry.TypeHint, entry.Skipped)).ShouldBe([("evil.com", (string?)null, (string?)null)]);
    }
}
