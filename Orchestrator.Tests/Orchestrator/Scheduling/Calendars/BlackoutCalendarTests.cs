using static Drills.Orchestrator.Tests.Orchestrator.Scheduling.Calendars.Blackouts;

namespace Drills.Orchestrator.Tests.Orchestrator.Scheduling.Calendars;

public sealed class BlackoutCalendarTests
{
    [Theory]
    [InlineData("2027-03-01 10:00", false)] // Monday, inside the window
    [InlineData("2027-03-01 07:30", false)] // the start is excluded
    [InlineData("2027-03-01 07:29:59", true)]
    [InlineData("2027-03-01 17:30", true)] // the end is allowed
    [InlineData("2027-03-01 17:29:59", false)]
    [InlineData("2027-03-06 10:00", true)] // Saturday: the window applies on weekdays only
    [InlineData("2027-03-07 10:00", true)] // Sunday
    public void Business_hours_exclude_the_window_only_on_its_weekdays(string reading, bool included)
    {
        Assert.Equal(included, Of(BusinessHours).IsTimeIncluded(At(reading)));
    }

    [Fact]
    public void Calendar_reads_the_catalogue_zone_not_UTC()
    {
        // 02:00 UTC Monday is 09:00 in Hanoi: business hours.
        Assert.False(Of(BusinessHours).IsTimeIncluded(new DateTimeOffset(2027, 3, 1, 2, 0, 0, TimeSpan.Zero)));
        // 19:00 UTC Saturday is 02:00 Sunday in Hanoi.
        Assert.True(Of(BusinessHours).IsTimeIncluded(new DateTimeOffset(2027, 3, 6, 19, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Next_included_time_of_a_business_day_is_the_end_of_the_window()
    {
        Assert.Equal(At("2027-03-01 17:30"), Of(BusinessHours).GetNextIncludedTimeUtc(At("2027-03-01 09:15")));
    }

    [Fact]
    public void Included_time_is_its_own_next_included_time()
    {
        Assert.Equal(At("2027-03-06 10:00"), Of(BusinessHours).GetNextIncludedTimeUtc(At("2027-03-06 10:00")));
    }

    [Theory]
    [InlineData("2027-02-05 00:00", false)]
    [InlineData("2027-02-11 23:59:59", false)]
    [InlineData("2027-02-04 23:59:59", true)]
    [InlineData("2027-02-12 00:00", true)]
    public void Date_range_excludes_whole_days_first_and_last_included(string reading, bool included)
    {
        Assert.Equal(included, Of(Tet).IsTimeIncluded(At(reading)));
    }

    [Fact]
    public void Date_range_ends_at_midnight_after_its_last_day()
    {
        Assert.Equal("2027-02-12 00:00:00 +07:00", Local(Of(Tet).GetNextIncludedTimeUtc(At("2027-02-07 02:00"))));
    }

    [Fact]
    public void Date_range_across_new_year_ends_in_the_new_year()
    {
        var holiday = Calendar("new-year", dates: ["2026-12-31..2027-01-01"]);

        Assert.False(Of(holiday).IsTimeIncluded(At("2027-01-01 12:00")));
        Assert.Equal("2027-01-02 00:00:00 +07:00", Local(Of(holiday).GetNextIncludedTimeUtc(At("2026-12-31 12:00"))));
    }

    [Fact]
    public void Weekend_calendar_across_a_month_end_ends_on_Monday_the_first()
    {
        var weekend = Calendar("weekend", weekdays: [DayOfWeek.Saturday, DayOfWeek.Sunday]);

        Assert.Equal("2027-02-01 00:00:00 +07:00", Local(Of(weekend).GetNextIncludedTimeUtc(At("2027-01-30 10:00"))));
    }

    [Fact]
    public void Daily_window_alone_applies_every_day()
    {
        var night = Calendar("night", daily: "00:00-06:00");

        Assert.False(Of(night).IsTimeIncluded(At("2027-03-06 03:00")));
        Assert.False(Of(night).IsTimeIncluded(At("2027-03-08 03:00")));
        Assert.True(Of(night).IsTimeIncluded(At("2027-03-08 06:00")));
    }

    [Fact]
    public void Daily_window_with_dates_applies_on_those_dates_only()
    {
        var election = Calendar("election", daily: "07:00-19:00", dates: ["2027-05-23"]);

        Assert.False(Of(election).IsTimeIncluded(At("2027-05-23 08:00")));
        Assert.True(Of(election).IsTimeIncluded(At("2027-05-23 20:00")));
        Assert.True(Of(election).IsTimeIncluded(At("2027-05-24 08:00")));
    }

    [Fact]
    public void Any_calendar_excluding_excludes_and_overlaps_are_jumped_together()
    {
        var evening = Calendar("evening", daily: "17:00-20:00");
        var blackout = Of(BusinessHours, evening);

        Assert.False(blackout.IsTimeIncluded(At("2027-03-06 18:00"))); // Saturday: only evening applies
        Assert.Equal("2027-03-01 20:00:00 +07:00", Local(blackout.GetNextIncludedTimeUtc(At("2027-03-01 08:00"))));
        Assert.Equal(["business-hours", "evening"], blackout.ExcludedBy(At("2027-03-01 17:15")).Select(r => r.CalendarId));
    }

    [Fact]
    public void Calendar_excluding_every_day_has_no_next_included_time()
    {
        var always = Calendar("always", weekdays: Enum.GetValues<DayOfWeek>());

        Assert.False(Of(always).IsTimeIncluded(At("2027-03-01 10:00")));
        Assert.Equal(default, Of(always).GetNextIncludedTimeUtc(At("2027-03-01 10:00")));
    }

    [Fact]
    public void Window_ending_inside_a_spring_forward_gap_ends_when_the_clocks_jump()
    {
        // Berlin, 2027-03-28: 02:00 CET becomes 03:00 CEST (01:00 UTC).
        var night = Calendar("night", daily: "01:00-02:30");

        var next = Of(Berlin, night).GetNextIncludedTimeUtc(At("2027-03-28 01:30", Berlin));

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Window_in_a_repeated_hour_applies_to_both_passes()
    {
        // Berlin, 2027-10-31: 03:00 CEST falls back to 02:00 CET, so 02:00-03:00 is read twice.
        var blackout = Of(Berlin, Calendar("early", daily: "02:00-02:30"));
        var firstPass = new DateTimeOffset(2027, 10, 31, 0, 10, 0, TimeSpan.Zero); // 02:10 CEST
        var secondPass = new DateTimeOffset(2027, 10, 31, 1, 10, 0, TimeSpan.Zero); // 02:10 CET

        Assert.False(blackout.IsTimeIncluded(firstPass));
        Assert.False(blackout.IsTimeIncluded(secondPass));
        Assert.True(blackout.IsTimeIncluded(firstPass.AddMinutes(30)));
        Assert.Equal(firstPass.AddMinutes(20), blackout.GetNextIncludedTimeUtc(firstPass));
        Assert.Equal(secondPass.AddMinutes(20), blackout.GetNextIncludedTimeUtc(secondPass));
    }

    [Fact]
    public void Clone_is_equal_and_excludes_the_same_times()
    {
        var blackout = Of(BusinessHours, Tet);

        var clone = (Drills.Orchestrator.Scheduling.Calendars.BlackoutCalendar)blackout.Clone();

        Assert.Equal(blackout, clone);
        Assert.NotSame(blackout, clone);
        Assert.NotEqual(blackout, Of(BusinessHours));
    }
}
