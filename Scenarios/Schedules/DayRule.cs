namespace Drills.Scenarios.Schedules;

/// <summary>
/// Cron's rule for a crontab's two day fields, and the crontabs Quartz cannot say faithfully. Vixie cron
/// (Debian's too) marks a day field as "star" when its text starts with '*', so "*/2" counts. With either
/// field star a day fires only when both match; a plain '*' matches every day, so the other field alone
/// decides, which Quartz says with '?'. With neither star a day fires when either matches.
/// </summary>
internal static class DayRule
{
    /// <summary>Why the crontab is refused and how to write it instead; null when Quartz says the same.</summary>
    /// <param name="fields">The five crontab fields.</param>
    /// <param name="union">The Quartz expression that fires on days matching either day field.</param>
    public static (string Problem, string Fix)? Refusal(string[] fields, string union)
    {
        var (dayOfMonth, dayOfWeek) = (fields[2], fields[4]);
        if (dayOfMonth == "*" || dayOfWeek == "*")
        {
            return null;
        }

        var (minute, hour, month) = (fields[0], fields[1], fields[3]);
        (string, string)[] alone =
        [
            ($"{{0}} (day(s) {dayOfMonth} of the month)", $"{minute} {hour} {dayOfMonth} {month} *"),
            ($"{{0}} (weekday(s) {dayOfWeek})", $"{minute} {hour} * {month} {dayOfWeek}"),
        ];
        var both = $"day-of-month '{dayOfMonth}' and day-of-week '{dayOfWeek}' are both restricted";
        if (!dayOfMonth.StartsWith('*') && !dayOfWeek.StartsWith('*'))
        {
            // Quartz could fire on the union; the crontab is refused all the same, as cron's rule turns
            // it into an intersection as soon as a field starts with '*', and a Quartz cron states the union plainly.
            return ($"{both}; crontab then fires on days matching either, but on days matching both as soon as one field starts with '*', so the form is refused",
                Crontab.Suggest("for days matching either, write the Quartz cron", ("{0}", union)) + "; " +
                Crontab.Suggest("for one of them, the crontab", alone));
        }

        var star = dayOfMonth.StartsWith('*') ? $"day-of-month '{dayOfMonth}'" : $"day-of-week '{dayOfWeek}'";
        return ($"{both} and {star} starts with '*', so crontab fires only on days matching both, which no Quartz cron can say (Quartz fires on days matching either)",
            Crontab.Suggest("fire on one of them: the crontab", alone) +
            "; for days matching both, keep the day-of-month schedule and add a blackout calendar with the other weekdays ({ weekdays: [...] })");
    }
}
