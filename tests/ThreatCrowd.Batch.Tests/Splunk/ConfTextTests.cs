using ThreatCrowd.Batch.Splunk;

namespace ThreatCrowd.Batch.Tests.Splunk;

public sealed class ConfTextTests
{
    [Fact]
    public void Stanzas_render_as_bracketed_names_and_key_value_lines_after_the_comment()
    {
        var text = ConfText.Render(["why"], [new ConfStanza("a", ("k", "v"), ("k2", "v 2")), new ConfStanza("b", ("x", "y"))]);

        text.ShouldBe("# why\n\n[a]\nk = v\nk2 = v 2\n\n[b]\nx = y\n");
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    public void A_value_with_a_line_break_is_refused_rather_than_written_as_a_setting_of_its_own(string value) =>
        Should.Throw<ArgumentException>(() => ConfText.Render([], [new ConfStanza("a", ("k", value))]));
}
