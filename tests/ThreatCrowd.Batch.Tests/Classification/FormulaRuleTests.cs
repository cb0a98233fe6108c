using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Tests.Classification;

public sealed class FormulaRuleTests
{
    [Theory]
    [InlineData("-trojan", "antivirus")]
    [InlineData("=cmd|' /C calc'!A0", "antivirus")]
    [InlineData("+alerts@example.org", null)]
    [InlineData("-x@example.org", null)]
    [InlineData("'=x@y.com", null)]
    [InlineData("'+x@y.com", "email")]
    [InlineData("'-trojan", "antivirus")]
    public void A_value_that_starts_like_a_formula_is_refused_as_a_lookup_key(string raw, string? hint)
    {
        var result = new IndicatorClassifier().Classify(raw, hint);

        result.IsAccepted.ShouldBeFalse();
        result.RejectReason!.ShouldContain("formula");
    }

    [Theory]
    [InlineData("trojan-x", "antivirus")]
    [InlineData("a+tag@example.org", null)]
    [InlineData("o'brien@example.org", null)]
    [InlineData("'quoted@example.org", null)]
    public void The_same_characters_later_in_a_value_are_fine(string raw, string? hint) =>
        new IndicatorClassifier().Classify(raw, hint).IsAccepted.ShouldBeTrue();
}
