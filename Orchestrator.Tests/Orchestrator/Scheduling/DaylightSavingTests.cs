using Drills.Orchestrator.Scheduling;
using Drills.Scenarios.Schedules;
using Quartz;

namespace Drills.Orchestrator.Tests.Orchestrator.Scheduling;

/// <summary>What the format doc says of clock changes and reversed ranges, checked against Quartz's own fire times.</summary>
public sealed class DaylightSavingTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // Berlin moves its clocks from 02:00 to 03:00 on 28 March 2027 and from 03:00 back to 02:00 on 31 October 2027.
    private static readonly DateTimeOffset BeforeSpring = new(2027, 3, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BeforeAutumn = new(2027, 10, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Time_the_spring_gap_swallows_fires_at_the_first_instant_after_it()
    {
        Assert.Equal(["03-28 03:00 +02:00", "03-29 02:30 +02:00"], Fires("0 30 2 * * ?", BeforeSpring, 2));
    }

    [Fact]
    public void Several_times_the_gap_swallows_fire_once_after_it()
    {
        Assert.Equal(["03-28 03:00 +02:00", "03-29 02:00 +02:00"], Fires("*/30 2 * * *", BeforeSpring, 2));
    }

    [Fact]
    public void Fixed_time_in_the_repeated_hour_fires_once_at_its_first_occurrence()
    {
        Assert.Equal(["10-31 02:30 +02:00", "11-01 02:30 +01:00"], Fires("0 30 2 * * ?", BeforeAutumn, 2));
    }

    [Theory]
    [InlineData("0 */30 2 * * ?")]
    [InlineData("0 0,30 2-2 * * ?")]
    public void Interval_in_the_repeated_hour_fires_in_both_passes(string cron)
    {
        Assert.Equal(["10-31 02:00 +02:00", "10-31 02:30 +02:00", "10-31 02:00 +01:00", "10-31 02:30 +01:00"], Fires(cron, BeforeAutumn, 4));
    }

    [Fact]
    public void Reversed_hour_range_wraps_past_midnight()
    {
        Assert.Equal(["03-27 22:00 +01:00", "03-27 23:00 +01:00", "03-28 00:00 +01:00", "03-28 01:00 +01:00", "03-28 22:00 +02:00"],
            Fires("0 22-1 * * *", BeforeSpring, 5));
    }

    private static List<string> Fires(string schedule, DateTimeOffset after, int count)
    {
        var cron = new CronExpression(ScheduleText.Parse(schedule).QuartzExpression, Berlin);
        return [.. FireTimes.Next(cron, null, after, count).Times.Select(t => TimeZoneInfo.ConvertTime(t, Berlin).ToString("MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture))];
    }
}
