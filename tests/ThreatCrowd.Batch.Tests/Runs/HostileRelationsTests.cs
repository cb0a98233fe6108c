using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Runs;

/// <summary>Related items a hostile service sends, through a whole run, to every table.</summary>
public sealed class HostileRelationsTests
{
    private const string HostileAnswer =
        """
        {"response_code":"1","votes":-1,
         "resolutions":[{"last_resolved":"2015-01-01","ip_address":"1.2.3.4\n5.6.7.8"},{"last_resolved":"2015-01-01","ip_address":"10.0.0.1"},
                        {"last_resolved":"2015-01-01","ip_address":"50.63.202.70"}],
         "subdomains":["../x.traversal.com","new\nline.com","evil\u202Emoc.live","WWW.Kept-Site.info."],
         "emails":["'=x@y.com","admin@kept-site.info"],
         "hashes":["C:\\Windows\\evil.exe","EC8C89AA5E521572C74E2DD02A4DAF78"]}
        """;

    [Fact]
    public async Task Related_values_no_input_would_be_let_in_as_reach_no_table_and_nothing_is_glued_together()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\nhostile-site.info\n");
        h.Server.Faults.Enqueue(StandInFault.Body(HostileAnswer));

        var result = await h.RunAsync("run", "--input", input, "--Output:EnterpriseSecurity:IncludeRelated=true");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        var tables = string.Concat(Directory.EnumerateFiles(h.OutputDirectory, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        foreach (var refused in new[] { "traversal", "newline.com", "new\nline", "1.2.3.45.6.7.8", "\u202E", "moc.live", "=x@y.com", "evil.exe", "10.0.0.1" })
        {
            tables.ShouldNotContain(refused);
        }

        var relations = h.Table("threatcrowd_relations.csv");
        relations.ShouldContain("hostile-site.info,domain,resolution,50.63.202.70,ip,");
        relations.ShouldContain("hostile-site.info,domain,subdomain,www.kept-site.info,domain,");
        relations.ShouldContain("hostile-site.info,domain,email,admin@kept-site.info,email,");
        relations.ShouldContain("hostile-site.info,domain,hash,ec8c89aa5e521572c74e2dd02a4daf78,file,");
        h.Table("threatcrowd_domain_intel.csv").ShouldContain("www.kept-site.info");
        h.Table("threatcrowd_email_intel.csv").ShouldContain("admin@kept-site.info");
    }

    [Fact]
    public async Task Relations_past_the_cap_are_cut_counted_in_the_store_and_shown_by_the_progress_line_and_status()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\nhuge-site.info\n");
        var subdomains = string.Join(',', Enumerable.Range(0, 2500).Select(i => $"\"s{i}.huge-site.info\""));
        h.Server.Faults.Enqueue(StandInFault.Body($$"""{"response_code":"1","subdomains":[{{subdomains}}]}"""));

        var result = await h.RunAsync("run", "--input", input, "--Lookup:MaxRelationsPerAnswer=1000");
        var status = await h.RunAsync("status", "--Lookup:MaxRelationsPerAnswer=1000");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Output.ShouldContain("huge-site.info: found (1000 subdomains, 1,500 more related items cut)");
        status.Output.ShouldContain("relations cut: 1,500 related items beyond Lookup:MaxRelationsPerAnswer (1,000) in 1 answer, not kept");
        File.ReadAllLines(Path.Combine(h.OutputDirectory, "threatcrowd_relations.csv")).Length.ShouldBe(1001);
        using var db = new SqliteConnection($"Data Source={h.StorePath};Pooling=false");
        db.ExecuteScalar<long>("SELECT relations_cut FROM answers").ShouldBe(1500);
        db.ExecuteScalar<long>("SELECT count(*) FROM relations").ShouldBe(1000);
    }

    [Fact]
    public async Task The_cap_setting_is_validated()
    {
        await using var h = await PipelineHarness.StartAsync();

        var result = await h.RunAsync("status", "--Lookup:MaxRelationsPerAnswer=0");

        result.Exit.ShouldBe(ExitCodes.BadUsage);
        result.Error.ShouldContain("Lookup:MaxRelationsPerAnswer is 0; it must be between 1 and 1000000.");
    }
}
