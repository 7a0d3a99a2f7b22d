using System.Globalization;

namespace Drills.Scenarios.Schedules;

/// <summary>
/// The 5-field crontab form (minute hour day-of-month month day-of-week) read as the Quartz
/// expression that fires at the same times. Assumes the fields already passed <see cref="CronText"/>.
/// </summary>
internal static class Crontab
{
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>
    /// Crontab fires when the day-of-month OR the day-of-week matches if both are restricted; Quartz
    /// can only restrict one of them, so such a schedule has no Quartz equivalent.
    /// </summary>
    public static bool RestrictsBothDays(string[] fields) => fields[2] != "*" && fields[4] != "*";

    public static string BothDaysProblem(string[] fields) =>
        $"day-of-month '{fields[2]}' and day-of-week '{fields[4]}' are both restricted; crontab then fires on days matching either, which Quartz cannot express";

    public static string BothDaysFix(string[] fields) =>
        $"make one of the two day fields '*': \"{fields[0]} {fields[1]} {fields[2]} {fields[3]} *\" fires on day(s) {fields[2]} of the month, " +
        $"\"{fields[0]} {fields[1]} * {fields[3]} {fields[4]}\" on weekday(s) {fields[4]}; for both, declare two scenarios";

    /// <summary>Seconds 0, the unrestricted day field as '?', weekdays as Quartz names (crontab counts Sunday as 0 and 7).</summary>
    public static string ToQuartz(string[] fields)
    {
        var minute = fields[0];
        var hour = fields[1];
        var month = fields[3].ToUpperInvariant();
        var (dayOfMonth, dayOfWeek) = fields[4] == "*"
            ? (fields[2].ToUpperInvariant(), "?")
            : ("?", WeekdayNames(fields[4]));
        return $"0 {minute} {hour} {dayOfMonth} {month} {dayOfWeek}";
    }

    /// <summary>The days a crontab day-of-week field names, written as Quartz day names with runs as ranges: "1-5" → "MON-FRI".</summary>
    private static string WeekdayNames(string field)
    {
        var days = new SortedSet<int>();
        foreach (var part in field.Split(','))
        {
            days.UnionWith(Days(part));
        }

        var runs = new List<string>();
        for (var i = 0; i < DayNames.Length; i++)
        {
            if (!days.Contains(i))
            {
                continue;
            }

            var last = i;
            while (days.Contains(last + 1))
            {
                last++;
            }

            runs.Add(last == i ? DayNames[i] : last == i + 1 ? $"{DayNames[i]},{DayNames[last]}" : $"{DayNames[i]}-{DayNames[last]}");
            i = last;
        }

        return string.Join(',', runs);
    }

    /// <summary>
    /// One list item of a crontab day-of-week field: '*', a day, a range a-b (a range running past
    /// Saturday wraps, as Quartz reads it), each with an optional /step. Counted 0..7, 7 being Sunday again.
    /// </summary>
    private static IEnumerable<int> Days(string part)
    {
        var slash = part.IndexOf('/', StringComparison.Ordinal);
        var step = slash < 0 ? 1 : int.Parse(part[(slash + 1)..], CultureInfo.InvariantCulture);
        var range = slash < 0 ? part : part[..slash];
        var bounds = range.Split('-');
        var first = range == "*" ? 0 : Day(bounds[0]);
        var last = range == "*" ? 7 : bounds.Length == 2 ? Day(bounds[1]) : slash < 0 ? first : 7;
        if (last < first)
        {
            last += 7;
        }

        for (var day = first; day <= last; day += step)
        {
            yield return day % 7;
        }
    }

    private static int Day(string text)
    {
        var index = Array.FindIndex(DayNames, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : int.Parse(text, CultureInfo.InvariantCulture);
    }
}
