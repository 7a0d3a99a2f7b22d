using Drills.Scenarios.Schedules;
using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>The <c>schedule</c> and <c>blackout</c> fields, read alike wherever they appear (a scenario, a system's backup).</summary>
internal static class ScheduleFields
{
    public static string? Schedule(NodeReader reader, Fields fields)
    {
        var schedule = fields.OptionalText("schedule");
        if (schedule is null || ScheduleText.TryParse(schedule, out _, out var problem, out var fix))
        {
            return schedule;
        }

        reader.Report(fields.Optional("schedule")!, $"'schedule' of {fields.What} is '{schedule}', not a valid cron: {problem}.", fix);
        return null;
    }

    public static List<string>? Blackout(NodeReader reader, Fields fields, CalendarsSection calendars)
    {
        if (fields.Optional("blackout") is not { } node)
        {
            return [];
        }

        var names = reader.TextList(node, $"'blackout' of {fields.What}", "[business-hours]");
        var valid = names is not null;
        for (var i = 0; names is not null && i < names.Count; i++)
        {
            if (!calendars.DeclaredNames.Contains(names[i]))
            {
                var known = calendars.DeclaredNames.Order(StringComparer.Ordinal).ToList();
                reader.Report(((YamlSequenceNode)node).Children[i], $"'blackout' of {fields.What} names calendar '{names[i]}', which is not declared in calendars.",
                    known.Count == 0 ? $"declare '{names[i]}' under 'calendars:' with the times it excludes: a daily window ('{names[i]}: {{ daily: \"07:30-17:30\" }}'), weekdays ('{{ weekdays: [sat, sun] }}') or dates ('{{ dates: [\"2027-02-05..2027-02-11\"] }}')" : Suggestions.Fix(names[i], known));
                valid = false;
            }
        }

        return valid ? [.. names!] : null;
    }
}
