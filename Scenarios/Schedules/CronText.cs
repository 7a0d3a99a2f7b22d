using System.Globalization;

namespace Drills.Scenarios.Schedules;

/// <summary>
/// Checks a schedule's cron text field by field. Scenarios must not reference Quartz, so the
/// catalogue is validated here; <see cref="ScheduleText"/> gives the Quartz expression it means. Accepts Quartz
/// (sec min hour day-of-month month day-of-week [year]) and the common 5-field crontab form.
/// </summary>
internal static class CronText
{
    public const string Example = "\"0 0 2 ? * SUN\" (sec min hour day-of-month month day-of-week [year])";

    private static readonly string[] Months =
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly CronField[] QuartzFields =
    [
        new("second", 0, 59),
        new("minute", 0, 59),
        new("hour", 0, 23),
        new("day-of-month", 1, 31, Extras: CronExtras.Question | CronExtras.MonthDays),
        new("month", 1, 12, Months, NameBase: 1),
        new("day-of-week", 1, 7, Days, NameBase: 1, Extras: CronExtras.Question | CronExtras.WeekDays),
        new("year", 1970, 2099),
    ];

    // Crontab counts Sunday as 0 (and 7), Quartz as 1.
    private static readonly CronField[] CrontabFields =
    [
        new("minute", 0, 59),
        new("hour", 0, 23),
        new("day-of-month", 1, 31),
        new("month", 1, 12, Months, NameBase: 1),
        new("day-of-week", 0, 7, Days, NameBase: 0),
    ];

    /// <summary>True when the text is a usable schedule; otherwise <paramref name="problem"/> names the wrong field.</summary>
    public static bool TryValidate(string text, out string problem)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 5)
        {
            if (TryValidateFields(parts, CrontabFields, out problem) && Crontab.RestrictsBothDays(parts))
            {
                problem = Crontab.BothDaysProblem(parts);
            }
            else if (problem.Length > 0)
            {
                // Five fields are read as crontab; a Quartz cron with a field dropped lands here too, so say which reading was used.
                problem = $"read as a 5-field crontab (min hour day-of-month month day-of-week), the {problem}" +
                          (text.Contains('?', StringComparison.Ordinal) ? "; '?' belongs to a Quartz cron, which has 6 or 7 fields: one may be missing" : "");
            }

            return problem.Length == 0;
        }

        if (parts.Length is not (6 or 7))
        {
            problem = $"it has {parts.Length} field(s); a Quartz cron has 6 or 7";
            return false;
        }

        if (!TryValidateFields(parts, QuartzFields, out problem))
        {
            return false;
        }

        return TryValidateDaySelection(parts[3], parts[5], out problem);
    }

    // Quartz cannot combine a day-of-month rule with a day-of-week rule, so exactly one is '?'.
    private static bool TryValidateDaySelection(string dayOfMonth, string dayOfWeek, out string problem)
    {
        problem = (dayOfMonth == "?", dayOfWeek == "?") switch
        {
            (true, true) => "day-of-month and day-of-week are both '?'; exactly one of them must be '?'",
            (false, false) => $"day-of-month '{dayOfMonth}' and day-of-week '{dayOfWeek}' are both set; exactly one of them must be '?'",
            _ => "",
        };
        return problem.Length == 0;
    }

    private static bool TryValidateFields(string[] parts, CronField[] fields, out string problem)
    {
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryValidateField(parts[i], fields[i], out var fieldProblem))
            {
                problem = $"{fields[i].Name} field '{parts[i]}' {fieldProblem}";
                return false;
            }
        }

        problem = "";
        return true;
    }

    private static bool TryValidateField(string text, CronField field, out string problem)
    {
        problem = "";
        if (text == "?")
        {
            if (!field.Extras.HasFlag(CronExtras.Question))
            {
                problem = "cannot be '?'; only day-of-month or day-of-week can";
            }

            return problem.Length == 0;
        }

        foreach (var part in text.Split(','))
        {
            if (!TryValidatePart(part, field, out problem))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryValidatePart(string part, CronField field, out string problem)
    {
        problem = "";
        if (IsSpecialDay(part, field))
        {
            return true;
        }

        var slash = part.IndexOf('/', StringComparison.Ordinal);
        var range = slash < 0 ? part : part[..slash];
        if (slash >= 0 && !TryReadNumber(part[(slash + 1)..], 1, field.Max, out _))
        {
            problem = $"has step '{part[(slash + 1)..]}'; a step is a number from 1 to {field.Max}";
            return false;
        }

        if (range == "*")
        {
            return true;
        }

        var bounds = range.Split('-');
        if (bounds.Length > 2 || bounds.Any(b => !TryReadValue(b, field, out _)))
        {
            problem = $"is not a value in range {field.Min}..{field.Max}{field.NameHint}, '*', a range a-b, a list a,b or a step a/n";
            return false;
        }

        return true;
    }

    // Quartz's L (last), W (nearest weekday) and # (nth weekday of the month) forms.
    private static bool IsSpecialDay(string part, CronField field)
    {
        if (field.Extras.HasFlag(CronExtras.MonthDays))
        {
            return part is "L" or "LW"
                || (part.StartsWith("L-", StringComparison.Ordinal) && TryReadNumber(part[2..], 0, 30, out _))
                || (part.EndsWith('W') && TryReadNumber(part[..^1], 1, 31, out _));
        }

        if (field.Extras.HasFlag(CronExtras.WeekDays))
        {
            var hash = part.IndexOf('#', StringComparison.Ordinal);
            return part == "L"
                || (part.EndsWith('L') && TryReadValue(part[..^1], field, out _))
                || (hash > 0 && TryReadValue(part[..hash], field, out _) && TryReadNumber(part[(hash + 1)..], 1, 5, out _));
        }

        return false;
    }

    private static bool TryReadValue(string text, CronField field, out int value)
    {
        if (field.Names is not null)
        {
            var index = Array.FindIndex(field.Names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                value = index + field.NameBase;
                return true;
            }
        }

        return TryReadNumber(text, field.Min, field.Max, out value);
    }

    private static bool TryReadNumber(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    [Flags]
    private enum CronExtras
    {
        None = 0,
        Question = 1,
        MonthDays = 2,
        WeekDays = 4,
    }

    private sealed record CronField(
        string Name,
        int Min,
        int Max,
        string[]? Names = null,
        int NameBase = 0,
        CronExtras Extras = CronExtras.None)
    {
        public string NameHint => Names is null ? "" : $" or {Names[0]}-{Names[^1]}";
    }
}
