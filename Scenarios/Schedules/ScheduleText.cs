using System.Diagnostics.CodeAnalysis;

namespace Drills.Scenarios.Schedules;

/// <summary>
/// A scenario's schedule as written and as Quartz will read it. A 5-field crontab is translated
/// here, so the scheduler only ever sees Quartz expressions and the author can see how theirs was read.
/// </summary>
internal sealed record ScheduleText(string Written, string QuartzExpression, bool IsCrontab)
{
    /// <summary>How the text was read, for people: <c>crontab "30 2 * * 1-5" understood as Quartz "0 30 2 ? * MON-FRI"</c>.</summary>
    public string Understood => IsCrontab
        ? $"crontab \"{Written}\" understood as Quartz \"{QuartzExpression}\""
        : $"Quartz \"{QuartzExpression}\"";

    /// <summary>The schedule a text means; otherwise what is wrong with it and how to write it instead.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ScheduleText? schedule, out string problem, out string fix)
    {
        schedule = null;
        fix = "";
        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (!CronText.TryValidate(text, out problem))
        {
            fix = fields.Length == 5 && Crontab.RestrictsBothDays(fields)
                ? Crontab.BothDaysFix(fields)
                : $"write a Quartz cron such as {CronText.Example} or a crontab such as \"0 2 * * 0\", or remove 'schedule' to run the drill on demand only";
            return false;
        }

        schedule = fields.Length == 5
            ? new ScheduleText(text, Crontab.ToQuartz(fields), IsCrontab: true)
            : new ScheduleText(text, string.Join(' ', fields), IsCrontab: false);
        return true;
    }

    /// <summary>A schedule the catalogue already validated.</summary>
    /// <exception cref="FormatException">The text is not a valid schedule.</exception>
    public static ScheduleText Parse(string text) =>
        TryParse(text, out var schedule, out var problem, out _) ? schedule : throw new FormatException($"'{text}' is not a valid schedule: {problem}");
}
