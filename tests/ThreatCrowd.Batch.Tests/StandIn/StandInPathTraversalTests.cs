using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.StandIn;

/// <summary>Request values name files; none may reach outside the fixture folder.</summary>
public sealed class StandInPathTraversalTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("standin-").FullName;
    private readonly string _fixtures;

    public StandInPathTraversalTests()
    {
        _fixtures = Directory.CreateDirectory(Path.Combine(_root, "fixtures")).FullName;
        // With this folder present, "domain_/../../secret.json" resolves to a real file outside the fixtures.
        Directory.CreateDirectory(Path.Combine(_fixtures, "domain_"));
        File.WriteAllText(Path.Combine(_root, "secret.json"), """{"response_code":"1","secret":true}""");
    }

    [Theory]
    [InlineData("domain/report/?domain=%2F..%2F..%2Fsecret")]
    [InlineData("domain/report/?domain=/../../secret")]
    public async Task A_value_that_climbs_out_of_the_fixture_folder_is_not_found(string query)
    {
        File.Exists(Path.Combine(_fixtures, "domain_/../../secret.json")).ShouldBeTrue();
        await using var server = await StandInHost.StartAsync(fixtureDirectory: _fixtures);
        using var http = new HttpClient();

        var body = await http.GetStringAsync(new Uri(server.ApiBaseUrl, query));

        body.ShouldBe("""{"response_code":"0"}""");
    }

    [Fact]
    public async Task An_encoded_slash_in_a_feed_name_is_not_found()
    {
        File.WriteAllText(Path.Combine(_root, "secret.txt"), "secret");
        Directory.CreateDirectory(Path.Combine(_fixtures, "feeds"));
        await using var server = await StandInHost.StartAsync(fixtureDirectory: _fixtures);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.Root, "feeds/..%2F..%2Fsecret.txt"));

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
