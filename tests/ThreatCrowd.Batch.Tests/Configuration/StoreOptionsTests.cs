using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Configuration;

public sealed class StoreOptionsTests
{
    private const string Secret = "Pa55-w0rd-never-shown";

    [Fact]
    public void Sqlite_is_the_default_provider()
    {
        var options = BatchConfiguration.Load(null, []);

        options.Store.IsPostgres.ShouldBeFalse();
        options.Store.Provider.ShouldBe(StoreOptions.Sqlite);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_naming_the_key()
    {
        var ex = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(null, ["--Store:Provider=postgres"]));

        ex.Message.ShouldContain("Store:ConnectionString is empty");
    }

    [Fact]
    public void An_unknown_provider_is_refused_naming_the_choices()
    {
        var ex = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(null, ["--Store:Provider=mysql"]));

        ex.Message.ShouldContain("Store:Provider is \"mysql\"; it must be sqlite");
    }

    [Fact]
    public void A_connection_string_that_cannot_be_read_is_refused_without_quoting_its_password()
    {
        var ex = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(
            null, ["--Store:Provider=postgres", $"--Store:ConnectionString=Host=db;Pasword={Secret};Bogus Key=1"]));

        ex.Message.ShouldContain("Store:ConnectionString");
        ex.Message.ShouldNotContain(Secret);
    }

    [Fact]
    public void A_connection_string_without_a_host_is_refused_without_quoting_its_password()
    {
        var ex = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(
            null, ["--Store:Provider=postgres", $"--Store:ConnectionString=Database=tcb;Password={Secret}"]));

        ex.Message.ShouldContain("Store:ConnectionString: names no Host");
        ex.Message.ShouldNotContain(Secret);
    }

    [Fact]
    public void The_connection_string_may_come_from_a_file()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("store.secret", $"Host=db.example.net;Database=tcb;Username=tcb;Password={Secret}\n");

        var options = BatchConfiguration.Load(null, ["--Store:Provider=postgres", $"--Store:ConnectionStringFile={file}"]);

        options.Store.ResolveConnectionString().ShouldEndWith($"Password={Secret}");
    }

    [Fact]
    public void A_missing_connection_string_file_is_refused_naming_the_key()
    {
        var ex = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(
            null, ["--Store:Provider=postgres", "--Store:ConnectionStringFile=/nonexistent/store.secret"]));

        ex.Message.ShouldContain("Store:ConnectionStringFile is \"/nonexistent/store.secret\": no such file");
    }

    [Fact]
    public async Task An_unreachable_postgres_server_ends_the_verb_with_exit_5_naming_the_database_never_the_password_nor_using_the_sqlite_file()
    {
        using var dir = new TempDirectory();

        var input = dir.Write("in.csv", "domain\nexample.com\n");
        var port = FreePort.Find();

        var (exit, output, error) = await ProgramProcess.RunAsync(
            dir.Path, "import", "--input", input, "--Sources:DefaultFeeds=false", "--Store:Provider=postgres",
            $"--Store:ConnectionString=Host=127.0.0.1;Port={port};Username=tcb;Database=intel;Password={Secret};Timeout=3");

        exit.ShouldBe(5, output + error);
        error.ShouldContain($"Cannot open the PostgreSQL store tcb@127.0.0.1:{port}/intel");
        (output + error).ShouldNotContain(Secret);
        File.Exists(dir.File("data/threatcrowd.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_ends_the_program_with_exit_2_naming_the_key()
    {
        using var dir = new TempDirectory();

        var (exit, output, error) = await ProgramProcess.RunAsync(dir.Path, "status", "--Store:Provider=postgres");

        exit.ShouldBe(2, output + error);
        error.ShouldContain("Store:ConnectionString is empty");
    }
}
