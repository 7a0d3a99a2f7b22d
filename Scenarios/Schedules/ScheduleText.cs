using System.Diagnostics.CodeAnalysis;
using Quartz;

namespace Drills.Scenarios.Schedules;

/// <summary>
/// A scenario's schedule as written and as Quartz will read it. A 5-field crontab is translated
/// here, so the scheduler only ever sees Quartz expressions and the author can see how theirs was read.
/// </summary>
internal sealed record ScheduleText(string Written, string QuartzExpression, bool IsCrontab)
{
    public const string Example = "\"0 0 2 ? * SUN\" (sec min hour day-of-month month day-of-week [year])";

    /// <summary>The fix for a schedule nothing better can be said about; each schedule it quotes is valid.</summary>
    public const string AnyScheduleFix =
        $"write a Quartz cron such as {Example} or a crontab such as \"0 2 * * 0\", or remove 'schedule' to run the drill on demand only";

    /// <summary>How the text was read, for people: <c>crontab "30 2 * * 1-5" understood as Quartz "0 30 2 ? * MON-FRI"</c>.</summary>
    public string Understood => IsCrontab
        ? $"crontab \"{Written}\" understood as Quartz \"{QuartzExpression}\""
        : string.Equals(string.Join(' ', Written.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), QuartzExpression, StringComparison.OrdinalIgnoreCase)
            ? $"Quartz \"{QuartzExpression}\""
            : $"Quartz \"{Written}\" understood as \"{QuartzExpression}\"";

    /// <summary>The schedule a text means; otherwise what is wrong with it and how to write it instead.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ScheduleText? schedule, out string problem, out string fix)
    {
        schedule = null;
        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 5)
        {
            if (!Crontab.TryTranslate(fields, out var quartz, out problem, out fix))
            {
                return false;
            }

            schedule = new ScheduleText(text, quartz, IsCrontab: true);
            return true;
        }

        if (fields.Length > 4)
        {
            fields[4] = QuartzCron.StepsOverMonthNumbers(fields[4]);
        }

        fix = AnyScheduleFix;
        if (!QuartzCron.TryRead(string.Join(' ', fields), CronFormat.Quartz, out var cron, out problem))
        {
            problem = fields.Length is 6 or 7
                ? $"Quartz refuses it: {problem}"
                : $"it has {fields.Length} field(s), where a Quartz cron has 6 or 7 and a crontab 5; Quartz refuses it: {problem}";
            return false;
        }

        schedule = new ScheduleText(text, cron.CronExpressionString, IsCrontab: false);
        return true;
    }

    /// <summary>A schedule the catalogue already validated.</summary>
    /// <exception cref="FormatException">The text is not a valid schedule.</exception>
    public static ScheduleText Parse(string text) =>
        TryParse(text, out var schedule, out var problem, out _) ? schedule : throw new FormatException($"'{text}' is not a valid schedule: {problem}");
}
