using Drills.Orchestrator.Scheduling;
using Drills.Orchestrator.Tests.Scenarios;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Schedules;
using Quartz;

using static Drills.Orchestrator.Tests.Orchestrator.Scheduling.Calendars.Blackouts;

namespace Drills.Orchestrator.Tests.Orchestrator.Scheduling;

public sealed class FireTimesTests
{
    [Fact]
    public void Sunday_two_oclock_in_Hanoi_is_Saturday_seven_pm_UTC()
    {
        var fires = Fires("0 0 2 ? * SUN", "2027-01-01 12:00", 1);

        Assert.Equal(new DateTimeOffset(2027, 1, 2, 19, 0, 0, TimeSpan.Zero), fires.Times[0]);
    }

    [Fact]
    public void Weekly_fire_crosses_the_year_boundary()
    {
        Assert.Equal(["2026-12-27 02:00:00 +07:00", "2027-01-03 02:00:00 +07:00"], Locals(Fires("0 0 2 ? * SUN", "2026-12-26 12:00", 2)));
    }

    [Fact]
    public void Monthly_fire_crosses_the_month_boundary()
    {
        Assert.Equal(["2027-02-01 02:00:00 +07:00", "2027-03-01 02:00:00 +07:00"], Locals(Fires("0 0 2 1 * ?", "2027-01-15 00:00", 2)));
    }

    [Fact]
    public void Half_hourly_fire_skips_business_hours_on_weekdays_only()
    {
        // Monday: 07:00 is before the window, 07:30 to 17:00 inside it, 17:30 its (allowed) end.
        Assert.Equal(["2027-03-01 07:00:00 +07:00", "2027-03-01 17:30:00 +07:00", "2027-03-01 18:00:00 +07:00"],
            Locals(Fires("0 0,30 * ? * *", "2027-03-01 06:45", 3, BusinessHours)));
        // Saturday: nothing is excluded.
        Assert.Equal(["2027-03-06 07:00:00 +07:00", "2027-03-06 07:30:00 +07:00"], Locals(Fires("0 0,30 * ? * *", "2027-03-06 06:45", 2, BusinessHours)));
    }

    [Fact]
    public void Tet_pushes_a_daily_fire_to_the_day_after_the_holiday()
    {
        Assert.Equal(["2027-02-04 02:00:00 +07:00", "2027-02-12 02:00:00 +07:00"], Locals(Fires("0 0 2 * * ?", "2027-02-03 03:00", 2, Tet)));
    }

    [Fact]
    public void Holiday_across_new_year_pushes_the_fire_into_January_the_second()
    {
        var holiday = Calendar("new-year", dates: ["2026-12-31..2027-01-01"]);

        Assert.Equal(["2026-12-30 02:00:00 +07:00", "2027-01-02 02:00:00 +07:00"], Locals(Fires("0 0 2 * * ?", "2026-12-29 03:00", 2, holiday)));
    }

    [Fact]
    public void Weekend_blackout_moves_a_daily_fire_to_Monday_across_the_month_end()
    {
        var weekend = Calendar("weekend", weekdays: [DayOfWeek.Saturday, DayOfWeek.Sunday]);

        Assert.Equal(["2027-01-29 02:00:00 +07:00", "2027-02-01 02:00:00 +07:00"], Locals(Fires("0 0 2 * * ?", "2027-01-28 03:00", 2, weekend)));
    }

    [Fact]
    public void Fire_at_the_end_of_a_window_is_allowed()
    {
        Assert.Equal(["2027-03-01 17:30:00 +07:00"], Locals(Fires("0 30 17 ? * MON", "2027-03-01 00:00", 1, BusinessHours)));
    }

    [Fact]
    public void Crontab_schedule_fires_on_its_weekdays()
    {
        // 2027-01-01 is a Friday.
        Assert.Equal(["2027-01-04 02:30:00 +07:00", "2027-01-05 02:30:00 +07:00"], Locals(Fires("30 2 * * 1-5", "2027-01-01 03:00", 2)));
    }

    [Fact]
    public void Every_second_cron_under_a_two_year_blackout_fires_when_it_ends()
    {
        var freeze = Calendar("freeze", dates: ["2027-01-01..2028-12-31"]);

        Assert.Equal(["2029-01-01 00:00:00 +07:00", "2029-01-01 00:00:01 +07:00"], Locals(Fires("* * * * * ?", "2026-12-31 23:59:59", 2, freeze)));
    }

    [Fact]
    public void Cron_in_a_past_year_never_fires()
    {
        var fires = Fires("0 0 2 1 1 ? 2020", "2027-01-01 00:00", 1);

        Assert.True(fires.NeverFires);
        Assert.Contains("no fire time", fires.NeverFiresBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Cron_whose_only_fire_is_beyond_the_horizon_never_fires()
    {
        Assert.True(Fires("0 0 2 1 1 ? 2035", "2027-01-01 00:00", 1).NeverFires);
    }

    [Fact]
    public void Blackout_of_every_weekday_never_fires_and_says_which_calendar()
    {
        var always = Calendar("always", weekdays: Enum.GetValues<DayOfWeek>());

        var fires = Fires("0 0 2 * * ?", "2027-01-01 00:00", 1, always);

        Assert.True(fires.NeverFires);
        Assert.Contains("blackout (always)", fires.NeverFiresBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_are_counted_and_a_year_limited_cron_stops_at_its_last()
    {
        Assert.Equal(5, Fires("0 0 2 * * ?", "2027-01-01 00:00", 5).Times.Count);
        Assert.Equal(["2027-01-01 12:00:00 +07:00"], Locals(Fires("0 0 12 1 1 ? 2027", "2026-06-01 00:00", 5)));
    }

    [Fact]
    public void Catalogue_schedule_is_read_in_the_catalogue_zone_with_its_blackout()
    {
        var yaml = CatalogueText.With("    system: web", "    system: web\n    schedule: \"0 2 * * 0\"\n    blackout: [tet]")
                   + "calendars:\n  tet: { dates: [\"2027-02-05..2027-02-11\"] }\n";
        var catalogue = CatalogueText.Load(yaml).Catalogue!;

        var schedule = ScenarioSchedule.For(catalogue, catalogue.Scenarios["web-kill"])!;

        Assert.Equal("0 0 2 ? * SUN", schedule.Text.QuartzExpression);
        Assert.Equal(["2027-01-31 02:00:00 +07:00", "2027-02-14 02:00:00 +07:00"], Locals(schedule.NextFires(At("2027-01-30 00:00"), 2)));
    }

    [Fact]
    public void Unscheduled_scenario_has_no_schedule()
    {
        var catalogue = CatalogueText.Load(CatalogueText.Minimal).Catalogue!;

        Assert.Null(ScenarioSchedule.For(catalogue, catalogue.Scenarios["web-kill"]));
        Assert.Empty(ScenarioSchedule.All(catalogue));
    }

    private static FireForecast Fires(string schedule, string afterLocal, int count, params CalendarDefinition[] blackout)
    {
        var cron = new CronExpression(ScheduleText.Parse(schedule).QuartzExpression, Hanoi);
        return FireTimes.Next(cron, blackout.Length == 0 ? null : Of(blackout), At(afterLocal), count);
    }

    private static IEnumerable<string> Locals(FireForecast fires) => fires.Times.Select(t => Local(t));
}
