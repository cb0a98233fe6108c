using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Tests.Classification;

public sealed class EmptyFileHashTests
{
    [Theory]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void The_hashes_of_the_empty_file_are_never_looked_up(string hash) =>
        new SendGuard([]).WhyNotAllowed(new Indicator(IndicatorType.File, hash)).ShouldBe(EmptyFileHashes.Reason);

    [Fact]
    public void Other_hashes_are_looked_up() =>
        new SendGuard([]).WhyNotAllowed(new Indicator(IndicatorType.File, "ec8c89aa5e521572c74e2dd02a4daf78")).ShouldBeNull();
}
