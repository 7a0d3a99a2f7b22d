using System.Globalization;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>The calendars read from a file, and every name declared so blackouts naming a broken calendar are not also told it is missing.</summary>
internal sealed record CalendarsSection(IReadOnlyDictionary<string, CalendarDefinition> Calendars, IReadOnlySet<string> DeclaredNames);

/// <summary>The <c>calendars</c> section: named windows during which schedules never fire.</summary>
internal static class CalendarReader
{
    private static readonly string[] Keys = ["daily", "weekdays", "dates"];

    private static readonly Dictionary<string, DayOfWeek> DayNames = new(StringComparer.Ordinal)
    {
        ["mon"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday,
    };

    public static CalendarsSection Read(NodeReader reader, YamlNode? node)
    {
        var calendars = new Dictionary<string, CalendarDefinition>(StringComparer.Ordinal);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        if (node is not null && node is not YamlMappingNode)
        {
            reader.Report(node, $"calendars must be a mapping from calendar name to window, not {NodeReader.Describe(node)}.",
                "write each calendar as 'business-hours: { daily: \"07:30-17:30\", weekdays: [mon, tue, wed, thu, fri] }'");
        }

        foreach (var (key, value) in NodeReader.Entries(node))
        {
            if (Ids.Read(reader, key, "Calendar name") is { } name)
            {
                declared.Add(name);
                if (ReadCalendar(reader, key, value, name) is { } calendar)
                {
                    calendars[name] = calendar;
                }
            }
        }

        return new CalendarsSection(calendars, declared);
    }

    private static CalendarDefinition? ReadCalendar(NodeReader reader, YamlNode key, YamlNode value, string name)
    {
        var what = $"calendar '{name}'";
        var before = reader.Errors.Count;
        if (reader.Mapping(value, what, Keys) is not { } fields)
        {
            return null;
        }

        if (Keys.All(k => fields.Optional(k) is null) && !fields.HasUnknownKeys)
        {
            reader.Report(value, $"{what} has none of daily, weekdays or dates, so it would never apply.",
                "add at least one, such as 'daily: \"07:30-17:30\"' or 'dates: [\"2027-02-05..2027-02-11\"]'");
        }

        var daily = fields.Optional("daily") is { } d ? ReadDaily(reader, d, what) : null;
        var weekdays = fields.Optional("weekdays") is { } w ? ReadWeekdays(reader, w, what) : [];
        var dates = fields.Optional("dates") is { } ds ? ReadDates(reader, ds, what) : [];
        if (reader.Errors.Count > before)
        {
            return null;
        }

        return new CalendarDefinition(name, daily, weekdays!, dates!, reader.At(key));
    }

    private static DailyWindow? ReadDaily(NodeReader reader, YamlNode node, string what)
    {
        var text = reader.Text(node, $"'daily' of {what}");
        var parts = text?.Split('-');
        if (parts is { Length: 2 } && TryReadTime(parts[0], out var start) && TryReadTime(parts[1], out var end) && start < end)
        {
            return new DailyWindow(start, end);
        }

        if (text is not null)
        {
            reader.Report(node, $"'daily' of {what} is '{text}'; it must be a window HH:MM-HH:MM with the start before the end.",
                "write such as 'daily: \"07:30-17:30\"'; split a window that crosses midnight into two calendars");
        }

        return null;
    }

    private static bool TryReadTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static List<DayOfWeek>? ReadWeekdays(NodeReader reader, YamlNode node, string what)
    {
        var names = reader.TextList(node, $"'weekdays' of {what}", "[mon, tue, wed, thu, fri]");
        if (names is null)
        {
            return null;
        }

        var days = new List<DayOfWeek>();
        for (var i = 0; i < names.Count; i++)
        {
            if (DayNames.TryGetValue(names[i].ToLowerInvariant(), out var day))
            {
                days.Add(day);
                continue;
            }

            reader.Report(((YamlSequenceNode)node).Children[i], $"'{names[i]}' in 'weekdays' of {what} is not a weekday.",
                Suggestions.Fix(names[i], DayNames.Keys));
        }

        return days.Count == names.Count ? days.Distinct().ToList() : null;
    }

    private static List<DateRange>? ReadDates(NodeReader reader, YamlNode node, string what)
    {
        var texts = reader.TextList(node, $"'dates' of {what}", "[\"2027-02-05..2027-02-11\", \"2027-09-02\"]");
        if (texts is null)
        {
            return null;
        }

        var ranges = new List<DateRange>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (TryReadRange(texts[i]) is { } range)
            {
                ranges.Add(range);
                continue;
            }

            reader.Report(((YamlSequenceNode)node).Children[i], $"'{texts[i]}' in 'dates' of {what} is not a date or a date range.",
                "write a date as \"2027-09-02\" or an inclusive range as \"2027-02-05..2027-02-11\" (first date not after the last)");
        }

        return ranges.Count == texts.Count ? ranges : null;
    }

    private static DateRange? TryReadRange(string text)
    {
        var parts = text.Split("..");
        if (parts.Length is not (1 or 2) || !TryReadDate(parts[0], out var first))
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return new DateRange(first, first);
        }

        return TryReadDate(parts[1], out var last) && first <= last ? new DateRange(first, last) : null;
    }

    private static bool TryReadDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
