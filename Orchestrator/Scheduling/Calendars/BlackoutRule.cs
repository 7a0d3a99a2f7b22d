using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Scheduling.Calendars;

/// <summary>
/// One calendar's exclusion, read on the wall clock. Its fields combine by intersection: a time is
/// excluded when its date is in <see cref="Dates"/> (if any), its weekday in <see cref="Weekdays"/>
/// (if any) and its time of day inside <see cref="Daily"/> (if set; the end itself is allowed).
/// </summary>
internal sealed record BlackoutRule(string CalendarId, DailyWindow? Daily, IReadOnlyList<DayOfWeek> Weekdays, IReadOnlyList<DateRange> Dates)
{
    /// <summary>How far a run of whole excluded days is followed before it counts as never ending: longer than any horizon asked about.</summary>
    public const int MaxWholeDays = 3700;

    public static BlackoutRule From(CalendarDefinition calendar) =>
        new(calendar.Id, calendar.Daily, [.. calendar.Weekdays.Distinct().Order()], [.. calendar.Dates]);

    public bool AppliesOn(DateOnly date) =>
        (Weekdays.Count == 0 || Weekdays.Contains(date.DayOfWeek))
        && (Dates.Count == 0 || Dates.Any(range => range.First <= date && date <= range.Last));

    public bool Excludes(DateTime reading)
    {
        if (!AppliesOn(DateOnly.FromDateTime(reading)))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(reading);
        return Daily is not { } window || (time >= window.Start && time < window.End);
    }

    /// <summary>
    /// The reading at which an exclusion in force at <paramref name="reading"/> ends, or null when it
    /// runs on for <see cref="MaxWholeDays"/> days (every weekday excluded, say).
    /// </summary>
    public DateTime? ExclusionEnd(DateTime reading)
    {
        var date = DateOnly.FromDateTime(reading);
        if (Daily is { } window)
        {
            return date.ToDateTime(window.End);
        }

        for (var day = 1; day <= MaxWholeDays; day++)
        {
            if (!AppliesOn(date.AddDays(day)))
            {
                return date.AddDays(day).ToDateTime(TimeOnly.MinValue);
            }
        }

        return null;
    }

    public bool Equals(BlackoutRule? other) =>
        other is not null && CalendarId == other.CalendarId && Daily == other.Daily
        && Weekdays.SequenceEqual(other.Weekdays) && Dates.SequenceEqual(other.Dates);

    public override int GetHashCode() => HashCode.Combine(CalendarId, Daily, Weekdays.Count, Dates.Count);
}
