using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Quartz;

namespace Drills.Scenarios.Schedules;

/// <summary>
/// The one place a schedule's text meets a cron parser, and that parser is Quartz's own
/// <see cref="CronExpression"/>, the one the scheduler fires with: whatever it accepts here it fires in
/// <c>drills serve</c>, and whatever it refuses is a catalogue error at the schedule's line. It lives in
/// Scenarios, not beside the fire times in the orchestrator, so a bad cron is reported by the loader
/// with every other error of the catalogue, at its node, and nothing downstream ever sees one.
/// </summary>
internal static partial class QuartzCron
{
    private static readonly string[] Months =
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>The expression Quartz reads <paramref name="text"/> as; otherwise Quartz's own words for what is wrong.</summary>
    public static bool TryRead(string text, CronFormat format, [NotNullWhen(true)] out CronExpression? cron, out string problem)
    {
        cron = null;
        problem = "";
        try
        {
            cron = CronExpression.Parse(text, format);
            return true;
        }
        catch (Exception e)
        {
            // Any refusal of the parser, whatever its type, is a schedule to fix: never a crash of the command.
            problem = e.Message.TrimEnd('.');
            return false;
        }
    }

    /// <summary>
    /// A month field with its names as numbers when it has a step: Quartz ignores a step after a month
    /// name (<c>JAN-JUN/2</c> fires every month from January to June), and reads <c>1-6/2</c> right.
    /// Without a step the names are kept, as they read better and Quartz reads them right.
    /// </summary>
    public static string StepsOverMonthNumbers(string month) => month.Contains('/', StringComparison.Ordinal)
        ? Letters().Replace(month, m => Array.FindIndex(Months, n => n.Equals(m.Value, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
            ? (i + 1).ToString(CultureInfo.InvariantCulture)
            : m.Value)
        : month;

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Letters();
}
