using ThreatCrowd.Batch.Cli;

namespace ThreatCrowd.Batch.Tests.Cli;

public sealed class CommandArgumentsTests
{
    [Fact]
    public void Run_takes_a_config_repeated_inputs_a_limit_and_settings()
    {
        var parsed = CommandArguments.Parse(["run", "--config", "site.json", "--input", "a.csv", "--input", "b.csv", "--max-lookups", "25", "--Store:Path=x.db", "--Output:Directory", "tables"]);

        parsed.Verb.ShouldBe("run");
        parsed.ConfigFile.ShouldBe("site.json");
        parsed.Inputs.ShouldBe(["a.csv", "b.csv"]);
        parsed.MaxLookups.ShouldBe(25);
        parsed.Settings.ShouldBe(["--Store:Path=x.db", "--Output:Directory", "tables"]);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run", "--max-lookups", "-3")]
    [InlineData("run", "--max-lookups", "many")]
    [InlineData("status", "--input", "a.csv")]
    [InlineData("run", "--input")]
    [InlineData("run", "--verbose")]
    public void Wrong_command_lines_are_usage_errors(params string[] args) =>
        Should.Throw<UsageException>(() => CommandArguments.Parse(args)).Message.ShouldNotBeNullOrWhiteSpace();

    [Fact]
    public void No_arguments_means_help() => CommandArguments.Parse([]).Verb.ShouldBe("help");
}
