using System.Text;
using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Inputs;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Cli;

/// <summary>Credentials in URLs against the real program: never printed, never in any file it writes.</summary>
public sealed class SecretProcessTests
{
    private const string Secret = "TOKEN-s3cr3t-4711";

    [Theory]
    [InlineData("--ThreatCrowd:BaseUrl=http://user:" + Secret + "@127.0.0.1:9/searchApi/v2/")]
    [InlineData("--Sources:Feeds:0:Url=https://feeds:" + Secret + "@127.0.0.1:9/ips.txt")]
    [InlineData("--ThreatCrowd:Proxy=proxy:" + Secret + "@")]
    public async Task A_url_with_credentials_is_refused_and_the_secret_is_neither_printed_nor_written(string setting)
    {
        using var dir = new TempDirectory();
        var input = dir.Write("in.csv", "indicator\naoldaily.com\n");

        var (exit, output, error) = await ProgramProcess.RunAsync(
            dir.Path, "run", "--input", input, "--Store:Path=store.db", "--Output:Directory=out", "--Sources:Feeds:0:Type=ip",
            "--Sources:Feeds:0:Url=feeds/ips.txt", setting);

        exit.ShouldBe(ExitCodes.BadUsage, output + error);
        error.ShouldContain(setting[2..setting.IndexOf('=', StringComparison.Ordinal)]);
        (output + error).ShouldNotContain(Secret);
        FilesHolding(dir.Path, Secret).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_proxy_login_is_sent_as_proxy_authorization_and_appears_nowhere_else()
    {
        using var dir = new TempDirectory();
        await using var proxy = new CannedHttpServer(CannedHttpServer.Response(
            407, "Proxy Authentication Required", "", "text/plain", "Proxy-Authenticate: Basic realm=\"corp\""));
        var port = new Uri(proxy.Url("/")).Port;
        var input = dir.Write("in.csv", "indicator\naoldaily.com\n");

        var (exit, output, error) = await ProgramProcess.RunAsync(
            dir.Path, "run", "--input", input, "--Store:Path=store.db", "--Output:Directory=out", "--Sources:DefaultFeeds=false",
            "--ThreatCrowd:BaseUrl=http://threatcrowd.invalid/searchApi/v2/", "--ThreatCrowd:RequestInterval=00:00:00.010",
            "--ThreatCrowd:MaxAttempts=1", $"--ThreatCrowd:Proxy=http://jane:{Secret}@127.0.0.1:{port}");

        exit.ShouldBe(ExitCodes.Ok, output + error);
        output.ShouldContain("HTTP 407");
        var login = Convert.ToBase64String(Encoding.UTF8.GetBytes($"jane:{Secret}"));
        proxy.RequestHeads.ShouldContain(head => head.Contains($"Proxy-Authorization: Basic {login}", StringComparison.Ordinal));
        (output + error).ShouldNotContain(Secret);
        FilesHolding(dir.Path, Secret).ShouldBeEmpty();
        FilesHolding(dir.Path, login).ShouldBeEmpty();
    }

    /// <summary>Every file under the folder (the store, its journal, the tables, the Splunk app) whose bytes hold the text.</summary>
    private static List<string> FilesHolding(string folder, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return
        [
            .. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(path => File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0),
        ];
    }
}
