using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Status;

namespace ThreatCrowd.Batch.Tests.Status;

public sealed class QueueForecastTests
{
    private static readonly DateTimeOffset Afternoon = new(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_issue_example_3412_due_take_9_h_29_min_and_two_nights_of_a_five_hour_window()
    {
        var options = BatchConfiguration.Load(null, ["--Lookup:StopAt=06:00"]);

        QueueForecast.Describe(3412, options, Afternoon)
            .ShouldBe("3,412 indicators, about 9 h 29 min of lookups at one request every 10 s, 2 nights with a 01:00-06:00 window");
    }

    [Fact]
    public void Without_a_window_only_the_duration_is_given()
    {
        var options = BatchConfiguration.Load(null, []);

        QueueForecast.Describe(360, options, Afternoon).ShouldBe("360 indicators, about 1 h 0 min of lookups at one request every 10 s");
    }

    [Fact]
    public void A_window_in_another_time_zone_is_shown_in_local_time()
    {
        var options = BatchConfiguration.Load(null, ["--Lookup:StopAt=05:00", "--Schedule:TimeZone=Europe/Berlin", "--Schedule:Cron=0 30 22 * * ?"]);

        QueueForecast.Describe(8000, options, Afternoon).ShouldEndWith("4 nights with a 22:30-05:00 window");
    }

    [Fact]
    public void A_queue_of_months_is_told_in_days_with_what_a_day_holds()
    {
        var options = BatchConfiguration.Load(null, []);

        QueueForecast.Describe(999_964, options, Afternoon).ShouldBe("999,964 indicators, about 116 days at 8,640 lookups a day (one request every 10 s)");
        QueueForecast.Describe(1, options, Afternoon).ShouldBe("1 indicator, about 10 s of lookups at one request every 10 s");
    }
}
