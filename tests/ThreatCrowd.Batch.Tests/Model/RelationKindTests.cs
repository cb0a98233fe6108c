using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Tests.Model;

/// <summary>The relation kinds are listed once: every kind is spelled, in enum order, and counted in its own slot.</summary>
public sealed class RelationKindTests
{
    [Fact]
    public void Every_kind_has_one_spelling_of_each_sort_in_the_order_of_the_enum_and_a_slot_of_its_own_in_the_counts()
    {
        var kinds = Enum.GetValues<RelationKind>();

        RelationKindNames.All.ShouldBe(kinds);
        RelationCounts.Length.ShouldBe(kinds.Length);
        kinds.Select(k => k.ToName()).Distinct().Count().ShouldBe(kinds.Length);
        kinds.Select(k => k.ToCountColumn()).Distinct().Count().ShouldBe(kinds.Length);
        foreach (var kind in kinds)
        {
            RelationKindNames.TryParse(kind.ToName(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(kind);
        }

        var counts = default(RelationCounts);
        foreach (var kind in kinds)
        {
            counts[kind] = (int)kind + 10;
        }

        kinds.Select(k => counts[k]).ShouldBe(kinds.Select(k => (int)k + 10));
    }

    [Fact]
    public void A_name_of_no_kind_is_not_counted_and_counts_read_in_words()
    {
        RelationKindNames.TryParse("unheard-of", out _).ShouldBeFalse();
        RelationKind.Ip.Words(1).ShouldBe("IP address");
        RelationKind.Scan.Words(25).ShouldBe("antivirus detections");
    }
}
