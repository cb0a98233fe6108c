using ThreatCrowd.Batch.Inputs;

namespace ThreatCrowd.Batch.Tests.Inputs;

/// <summary>
/// The lists SOC teams really have (Inputs/RealWorld, see SOURCES.md): each gives exactly the indicators written
/// in expected/&lt;file&gt;.txt; no # line is ever reported; what is not an indicator is neither queued nor
/// rejected, only counted when the source says what it is.
/// </summary>
public sealed class RealWorldFileTests
{
    public static TheoryData<string> Files => new(System.IO.Directory.GetFiles(RealWorldImport.Directory, "*.csv").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_file_gives_exactly_the_indicators_read_by_hand(string file)
    {
        RealWorldImport.Read(file).Indicators.ShouldBe(RealWorldImport.Expected(file));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void No_comment_line_is_ever_reported(string file)
    {
        var import = RealWorldImport.Read(file);

        import.Rejects.Where(reject => import.CommentLines().Contains(reject.Line)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("feodo_ipblocklist_2024-04-04.csv")]
    [InlineData("malwarebazaar_full_dump_2026-02-26.feeds2stix-sample.head25.csv")]
    [InlineData("misp_citizenlab_201603_shifting_tactics.csv")]
    [InlineData("misp_citizenlab_201608_group5.csv")]
    [InlineData("misp_citizenlab_201611_keyboy.csv")]
    [InlineData("misp_citizenlab_201905_endlessmayfly.csv")]
    [InlineData("otx_pulse_export.synapse-docs.deindented.csv")]
    [InlineData("otx_pulse_export_all_types.crlf.csv")]
    [InlineData("phishtank_verified_online_2021-03-06.head41.csv")]
    [InlineData("splunk_security_content_dynamic_dns_providers_default.head31.csv")]
    [InlineData("splunk_security_content_sslbl_ssl_certificate_blacklist.head26.csv")]
    [InlineData("sslbl_sslblacklist_2018-07-26.head40.csv")]
    [InlineData("sslbl_sslblacklist_2024.feeds2stix-sample.head30.csv")]
    [InlineData("threatfox_hostfile_as_csv.JayP232-451c3cd8.head40.csv")]
    [InlineData("threatfox_hostfile_as_csv.JayP232-9dfe0f14.head40.csv")]
    [InlineData("urlhaus_csv_online_2026-08-18.vulchain26.head24.csv")]
    [InlineData("viriback_dump.feeds2stix-sample.csv")]
    public void A_clean_list_gives_no_reject_at_all(string file)
    {
        RealWorldImport.Read(file).Rejects.ShouldBeEmpty();
    }

    [Fact]
    public void The_line_a_readme_author_added_to_the_threatfox_dump_is_its_only_reject()
    {
        RealWorldImport.Read("threatfox_full_2024-07-16.feeds2stix-readme.csv").Rejects
            .ShouldBe([(15L, "", "no value in column \"ioc_value\"")]);
    }

    [Fact]
    public void The_test_row_with_a_private_address_is_refused_by_the_guard_and_the_description_column_is_not_read()
    {
        var import = RealWorldImport.Read("ipc2s_30day.JayP232.head40.csv");

        import.Rejects.Select(reject => (reject.Line, reject.Value)).ShouldBe([(2L, "172.21.25.140")]);
        import.Skipped.ShouldBeEmpty();
    }

    [Fact]
    public void A_splunk_export_reads_every_cim_column_and_takes_placeholders_for_blanks()
    {
        var import = RealWorldImport.Read("splunk_cim_search_export.csv");

        import.Rejects.Select(reject => (reject.Line, reject.Value)).ShouldBe(
        [
            (2L, "10.20.1.15"), (3L, "10.20.1.15"), (6L, "asmith@corp.example.com"), (7L, "203.0.113.9"), (9L, "198.51.100.77"),
        ]);
        import.Skipped.ShouldBe(new Dictionary<string, int> { [CsvColumnLayout.NoValue] = 1 });
    }

    [Fact]
    public void Misp_types_that_are_not_lookups_are_counted_per_type()
    {
        RealWorldImport.Read("misp_citizenlab_201603_shifting_tactics.csv").Skipped.ShouldBe(new Dictionary<string, int>
        {
            ["type \"link\" is not looked up"] = 1,
            ["type \"threat-actor\" is not looked up"] = 1,
            ["type \"text\" is not looked up"] = 1,
            ["type \"filename\" is not looked up"] = 1,
        });
        RealWorldImport.Read("misp_citizenlab_201611_keyboy.csv").Skipped.ShouldBe(new Dictionary<string, int>
        {
            ["type \"yara\" is not looked up"] = 9,
            ["type \"regkey\" is not looked up"] = 1,
        });
    }

    [Fact]
    public void Otx_types_that_are_not_lookups_are_counted_per_type()
    {
        RealWorldImport.Read("otx_pulse_export_all_types.crlf.csv").Skipped.Keys.Order().ShouldBe(
        [
            "type \"cidr\" is not looked up",
            "type \"cve\" is not looked up",
            "type \"filehash-imphash\" is not looked up",
            "type \"filehash-pehash\" is not looked up",
            "type \"mutex\" is not looked up",
            "type \"uri\" is not looked up",
            "type \"yara\" is not looked up",
        ]);
    }

    [Theory]
    [InlineData("sslbl_sslblacklist_2018-07-26.head40.csv", 31, "TLS certificate fingerprint, not a file hash")]
    [InlineData("sslbl_sslblacklist_2024.feeds2stix-sample.head30.csv", 21, CsvLayoutBuilder.SslblFingerprint)]
    [InlineData("splunk_security_content_sslbl_ssl_certificate_blacklist.head26.csv", 25, CsvLayoutBuilder.SslblFingerprint)]
    public void Certificate_fingerprints_are_counted_not_looked_up(string file, int count, string reason)
    {
        RealWorldImport.Read(file).Skipped.ShouldBe(new Dictionary<string, int> { [reason] = count });
    }

    [Fact]
    public void A_hosts_file_sinkhole_address_is_counted_not_rejected()
    {
        RealWorldImport.Read("threatfox_hostfile_as_csv.JayP232-451c3cd8.head40.csv").Skipped
            .ShouldBe(new Dictionary<string, int> { [CsvLayoutBuilder.Sinkhole] = 39 });
    }

    [Fact]
    public void Misp_to_ids_is_honoured_only_when_asked()
    {
        var settings = CsvReadSettings.Detect with { MispToIdsOnly = true };

        var import = RealWorldImport.Read("misp_citizenlab_201608_group5.csv", settings);

        import.Indicators.ShouldNotContain("ip 212.7.195.171");
        import.Indicators.ShouldNotContain("file 366908f6c5c4f4329478d60586eca5bc");
        import.Indicators.Count.ShouldBe(14);
        import.Skipped[CsvColumnLayout.ToIdsZero].ShouldBe(7);
    }

    [Theory]
    [InlineData("feodo_ipblocklist_2024-04-04.csv", "ip 192.9.135.73", "feodo: Pikabot")]
    [InlineData("threatfox_full_2024-07-16.feeds2stix-readme.csv", "ip 8.134.12.90", "threatfox: botnet_cc, Cobalt Strike, confidence 100, tags CobaltStrike cs-watermark-987654321")]
    [InlineData("threatfox_full_2024-07-16.feeds2stix-readme.csv", "domain rocheholding.top", "threatfox: botnet_cc, Loki Password Stealer (PWS), confidence 75, tags lokibot")]
    [InlineData("urlhaus_csv_online_2026-08-18.vulchain26.head24.csv", "ip 176.65.139.212", "urlhaus: malware_download, tags 176-65-139-212 elf mirai ua-wget")]
    [InlineData("misp_citizenlab_201603_shifting_tactics.csv", "domain sys.firewall-gateway.net", "misp: Network activity")]
    [InlineData("viriback_dump.feeds2stix-sample.csv", "ip 5.253.62.205", "viriback: Lokibot")]
    [InlineData("malwarebazaar_full_dump_2026-02-26.feeds2stix-sample.head25.csv", "file 595fa8833c56cefbfb51e622a8e5fa16", "malwarebazaar: Mirai")]
    [InlineData("otx_pulse_export.synapse-docs.deindented.csv", "domain search.webstie.net", null)]
    public void What_a_row_says_about_its_indicator_travels_with_it(string file, string indicator, string? context)
    {
        RealWorldImport.Read(file).Contexts[indicator].ShouldBe(context);
    }
}
