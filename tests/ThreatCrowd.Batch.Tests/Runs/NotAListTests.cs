using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Runs;

/// <summary>A local source that is plainly not a list is refused whole, with one message; a list with bad lines is read.</summary>
public sealed class NotAListTests
{
    private const string Shadow =
        "root:$y$j9T$Qx1hQ2u4l7fN0c$V0e2Xq4m1E7lQk3b8Zc2m0wQ9dQ5gJ1h:19700:0:99999:7:::\n" +
        "daemon:*:19700:0:99999:7:::\nbin:*:19700:0:99999:7:::\nsys:*:19700:0:99999:7:::\nsync:*:19700:0:99999:7:::\n" +
        "games:*:19700:0:99999:7:::\nman:*:19700:0:99999:7:::\nlp:*:19700:0:99999:7:::\nmail:*:19700:0:99999:7:::\n" +
        "news:*:19700:0:99999:7:::\nuucp:*:19700:0:99999:7:::\nproxy:*:19700:0:99999:7:::\nbackup:*:19700:0:99999:7:::\n";

    [Fact]
    public async Task A_password_file_given_as_a_local_feed_is_refused_whole_and_nothing_of_it_reaches_rejects()
    {
        await using var h = await PipelineHarness.StartAsync();
        var shadow = h.Dir.Write("shadow", Shadow);

        var result = await h.RunAsync("import", "--Sources:Feeds:0:Url=" + shadow, "--Sources:Feeds:0:Type=domain");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Error.ShouldContain($"feed:{shadow} does not look like a list of indicators: 13 of its first 13 values are not indicators; nothing was read from it");
        result.Error.ShouldNotContain("$y$j9T", customMessage: "a refused file's content is never printed");
        result.Output.ShouldContain("imported 0 indicators from 0 sources (0 repeats, 0 rejects; 1 source not read, see the warnings above)");
        h.Table("rejects.csv").ShouldNotContain("root");
        h.Table("rejects.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1, "the header alone");
    }

    [Fact]
    public async Task A_binary_file_given_as_a_csv_input_is_refused_whole()
    {
        await using var h = await PipelineHarness.StartAsync();
        var random = new Random(16);
        var bytes = new byte[64 * 1024];
        random.NextBytes(bytes);
        var binary = h.Dir.WriteBytes("blob.csv", bytes);

        var result = await h.RunAsync("import", "--input", binary);

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Error.ShouldContain($"{binary} does not look like a list of indicators");
        h.Table("rejects.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1, "the header alone");
    }

    [Fact]
    public async Task A_list_of_private_addresses_is_a_list_its_values_are_rejected_one_by_one()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "ip\n" + string.Join('\n', Enumerable.Range(1, 20).Select(i => $"10.0.0.{i}")) + "\n");

        var result = await h.RunAsync("import", "--input", input);

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Error.ShouldNotContain("does not look like a list");
        h.Table("rejects.csv").ShouldContain("10.0.0.20");
    }

    [Fact]
    public async Task A_list_with_a_few_bad_lines_is_read_and_the_bad_lines_are_rejected()
    {
        await using var h = await PipelineHarness.StartAsync();
        var lines = Enumerable.Range(1, 12).Select(i => $"host{i}.aoldaily.com").Concat(["not a value", "also ! not"]);
        var input = h.Dir.Write("in.txt", string.Join('\n', lines) + "\n");

        var result = await h.RunAsync("import", "--Sources:Feeds:0:Url=" + input, "--Sources:Feeds:0:Type=domain");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Error.ShouldNotContain("does not look like a list");
        h.Table("rejects.csv").ShouldContain("also ! not");
        h.Table("threatcrowd_indicators.csv").ShouldContain("host12.aoldaily.com");
    }
}
