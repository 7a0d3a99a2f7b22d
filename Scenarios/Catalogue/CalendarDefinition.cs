using Drills.Scenarios.Text;

namespace Drills.Scenarios.Catalogue;

/// <summary>A named exclusion window: a schedule never fires inside it.</summary>
internal sealed record CalendarDefinition(
    string Id,
    DailyWindow? Daily,
    IReadOnlyList<DayOfWeek> Weekdays,
    IReadOnlyList<DateRange> Dates,
    SourceLocation Location);

/// <summary>A time-of-day window such as 07:30-17:30 (local time of the catalogue's zone).</summary>
internal readonly record struct DailyWindow(TimeOnly Start, TimeOnly End);

/// <summary>Inclusive range of dates; a single date has First == Last.</summary>
internal readonly record struct DateRange(DateOnly First, DateOnly Last);
