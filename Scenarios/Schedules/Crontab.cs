using System.Diagnostics.CodeAnalysis;
using Quartz;

namespace Drills.Scenarios.Schedules;

/// <summary>
/// The 5-field crontab form (minute hour day-of-month month day-of-week) read as the Quartz expression
/// that fires at the same times. Quartz reads the crontab itself (<see cref="CronFormat.Unix"/>); this adds
/// only what Quartz reads differently from cron: month names under a step, a weekday step with no end,
/// and cron's rule for the two day fields, which decides whether Quartz can say the schedule at all.
/// </summary>
internal static class Crontab
{
    private const string Reading = "read as a 5-field crontab (min hour day-of-month month day-of-week)";

    /// <summary>The Quartz expression a crontab means; otherwise what is wrong and a fix whose schedules are all valid.</summary>
    public static bool TryTranslate(string[] fields, [NotNullWhen(true)] out string? quartz, out string problem, out string fix)
    {
        quartz = null;
        if (fields.Any(f => f.Contains('?', StringComparison.Ordinal)))
        {
            problem = $"{Reading}, it has '?', which crontab does not know: '?' belongs to a Quartz cron, which has 6 or 7 fields, so one may be missing";
            fix = Suggest("write it as",
                // Every field holding a '?' becomes '*': a suggested crontab with a '?' left would suggest again, without end.
                ("the crontab {0}", string.Join(' ', fields.Select(f => f.Contains('?', StringComparison.Ordinal) ? "*" : f))),
                ("the Quartz cron {0}", "0 " + string.Join(' ', fields)));
            return false;
        }

        string[] read = [fields[0], fields[1], fields[2], QuartzCron.StepsOverMonthNumbers(fields[3]), WeekdayStepsToSunday(fields[4])];
        if (!QuartzCron.TryRead(string.Join(' ', read), CronFormat.Unix, out var cron, out problem))
        {
            problem = $"{Reading}, Quartz refuses it: {problem}";
            fix = ScheduleText.AnyScheduleFix;
            return false;
        }

        if (DayRule.Refusal(fields, cron.CronExpressionString) is { } refusal)
        {
            (problem, fix) = refusal;
            return false;
        }

        quartz = cron.CronExpressionString;
        fix = "";
        return true;
    }

    /// <summary>
    /// "lead" and the candidates, each a template with {0} where its schedule goes in quotes, naming only
    /// the schedules that are valid; the general fix when none is.
    /// </summary>
    internal static string Suggest(string lead, params (string Template, string Schedule)[] candidates)
    {
        var valid = candidates
            .Where(c => ScheduleText.TryParse(c.Schedule, out _, out _, out _))
            .Select(c => c.Template.Replace("{0}", $"\"{c.Schedule}\"", StringComparison.Ordinal))
            .ToList();
        return valid.Count == 0 ? ScheduleText.AnyScheduleFix : $"{lead} {string.Join(" or ", valid)}";
    }

    /// <summary>
    /// A weekday step with no end runs to the end of the week, Sunday 7 included, as in cron:
    /// "1/2" is Monday, Wednesday, Friday and Sunday. Quartz would stop at Saturday, so the end is written out.
    /// </summary>
    private static string WeekdayStepsToSunday(string dayOfWeek) => string.Join(',', dayOfWeek.Split(',').Select(part =>
    {
        var slash = part.IndexOf('/', StringComparison.Ordinal);
        var start = slash < 0 ? "" : part[..slash];
        return start.Length > 0 && (start.All(char.IsAsciiDigit) || start.All(char.IsAsciiLetter))
            ? $"{start}-{(start.All(char.IsAsciiDigit) ? "7" : "SUN")}{part[slash..]}"
            : part;
    }));
}
