using System.Globalization;
using Drills.Orchestrator.Scheduling.Calendars;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Tests.Orchestrator.Scheduling.Calendars;

/// <summary>Calendars written the way a catalogue writes them, and instants written as local readings.</summary>
internal static class Blackouts
{
    public static TimeZoneInfo Hanoi { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static TimeZoneInfo Berlin { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static CalendarDefinition BusinessHours { get; } =
        Calendar("business-hours", daily: "07:30-17:30", weekdays: [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

    public static CalendarDefinition Tet { get; } = Calendar("tet-holiday", dates: ["2027-02-05..2027-02-11"]);

    public static CalendarDefinition Calendar(string id, string? daily = null, DayOfWeek[]? weekdays = null, string[]? dates = null)
    {
        DailyWindow? window = daily?.Split('-') is [var start, var end] ? new DailyWindow(TimeOnly.Parse(start, CultureInfo.InvariantCulture), TimeOnly.Parse(end, CultureInfo.InvariantCulture)) : null;
        var ranges = (dates ?? []).Select(d => d.Split("..")).Select(p => new DateRange(DateOnly.Parse(p[0], CultureInfo.InvariantCulture), DateOnly.Parse(p[^1], CultureInfo.InvariantCulture))).ToList();
        return new CalendarDefinition(id, window, weekdays ?? [], ranges, SourceLocation.None);
    }

    public static BlackoutCalendar Of(TimeZoneInfo zone, params CalendarDefinition[] calendars) =>
        new([.. calendars.Select(BlackoutRule.From)], zone);

    public static BlackoutCalendar Of(params CalendarDefinition[] calendars) => Of(Hanoi, calendars);

    /// <summary>The instant a wall-clock reading names in a zone (the reading must name exactly one).</summary>
    public static DateTimeOffset At(string reading, TimeZoneInfo? zone = null)
    {
        var local = DateTime.Parse(reading, System.Globalization.CultureInfo.InvariantCulture);
        zone ??= Hanoi;
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static string Local(DateTimeOffset instant, TimeZoneInfo? zone = null) =>
        TimeZoneInfo.ConvertTime(instant, zone ?? Hanoi).ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture);
}
