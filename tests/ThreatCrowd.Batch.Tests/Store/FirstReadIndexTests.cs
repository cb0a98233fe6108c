using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Tests.Store;

public sealed class FirstReadIndexTests
{
    [Fact]
    public void Every_added_indicator_is_found_under_its_id_after_the_table_has_grown_and_others_are_not()
    {
        var index = new FirstReadIndex(firstId: 1_000);
        const int added = 300_000; // several doublings of every part past its initial 256 slots
        for (var i = 0; i < added; i++)
        {
            index.Add(FirstReadIndex.Fingerprint(IndicatorType.Domain, $"host{i}.example.com"), 1_000 + i);
        }

        index.Count.ShouldBe(added);
        for (var i = 0; i < added; i += 997)
        {
            var ids = new List<long>();
            foreach (var id in index.Find(FirstReadIndex.Fingerprint(IndicatorType.Domain, $"host{i}.example.com")))
            {
                ids.Add(id);
            }

            ids.ShouldContain(1_000 + i);
        }

        var falseCandidates = Enumerable.Range(0, 100_000)
            .Count(i => index.Find(FirstReadIndex.Fingerprint(IndicatorType.Domain, $"never{i}.example.org")).Any());
        falseCandidates.ShouldBeLessThan(3, "40 bits of fingerprint make a false candidate about one in three million here");
    }

    [Fact]
    public void The_same_value_of_another_type_is_another_fingerprint()
    {
        FirstReadIndex.Fingerprint(IndicatorType.Domain, "8.8.8.8")
            .ShouldNotBe(FirstReadIndex.Fingerprint(IndicatorType.Ip, "8.8.8.8"));
        FirstReadIndex.Fingerprint(IndicatorType.Ip, "8.8.8.8")
            .ShouldBe(FirstReadIndex.Fingerprint(IndicatorType.Ip, new string("8.8.8.8".AsSpan())));
    }

    [Fact]
    public void Indicators_sharing_a_fingerprint_are_all_candidates_in_the_order_they_were_added()
    {
        var index = new FirstReadIndex(firstId: 1);
        var shared = FirstReadIndex.Fingerprint(IndicatorType.File, "d41d8cd98f00b204e9800998ecf8427e");
        index.Add(shared, 1);
        index.Add(FirstReadIndex.Fingerprint(IndicatorType.File, "other"), 2);
        index.Add(shared, 3);

        var ids = new List<long>();
        foreach (var id in index.Find(shared))
        {
            ids.Add(id);
        }

        ids.ShouldBe([1L, 3L]);
    }

    [Fact]
    public void An_id_below_the_reads_first_one_is_refused()
    {
        var index = new FirstReadIndex(firstId: 10);
        Should.Throw<InvalidOperationException>(() => index.Add(1, 9)).Message.ShouldContain("first id 10");
        index.Count.ShouldBe(0);
    }

    [Fact]
    public void A_lower_limit_bounds_what_may_be_added()
    {
        var index = new FirstReadIndex(firstId: 1, maxCount: 3);
        index.CanAdd(3, highestId: 3).ShouldBeTrue();
        index.CanAdd(4, highestId: 4).ShouldBeFalse();
        index.CanAdd(1, highestId: 1L << 24).ShouldBeFalse("an id that far from the first does not fit its 24 bits");
        for (var id = 1; id <= 3; id++)
        {
            index.Add((ulong)id << 40, id);
        }

        index.IsFull.ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => index.Add(4UL << 40, 4));
    }
}
