using Drills.Orchestrator.Scheduling.Calendars;
using Quartz;

namespace Drills.Orchestrator.Scheduling;

/// <summary>
/// Fire times the way Quartz fires a cron trigger with a calendar: the cron's times, less those the
/// blackout excludes. Excluded spans are jumped in one step, so an every-second cron under a months-long
/// blackout costs one step, not millions.
/// </summary>
internal static class FireTimes
{
    /// <summary>How far ahead a fire is looked for: a schedule with none in five years never fires in practice.</summary>
    public static TimeSpan Horizon { get; } = TimeSpan.FromDays((5 * 365) + 2);

    // A guard, not a limit anyone should meet: each step finds a fire or jumps a whole exclusion.
    private const int MaxSteps = 100_000;

    /// <summary>Up to <paramref name="count"/> fire times strictly after <paramref name="after"/>, within the horizon.</summary>
    public static FireForecast Next(CronExpression cron, BlackoutCalendar? blackout, DateTimeOffset after, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var end = after + Horizon;
        var times = new List<DateTimeOffset>();
        var cronFires = false;
        var at = after;
        for (var step = 0; times.Count < count && step < MaxSteps; step++)
        {
            if (cron.GetNextValidTimeAfter(at) is not { } fire || fire > end)
            {
                break;
            }

            cronFires = true;
            if (blackout is null || blackout.IsTimeIncluded(fire))
            {
                times.Add(fire);
                at = fire;
                continue;
            }

            var included = blackout.GetNextIncludedTimeUtc(fire);
            if (included == default || included > end)
            {
                break;
            }

            // The cron answers strictly after its argument; a fire exactly when the blackout ends is allowed.
            at = included.AddTicks(-1);
        }

        return new FireForecast(times, times.Count > 0 ? null : Why(cronFires, blackout));
    }

    private static string Why(bool cronFires, BlackoutCalendar? blackout) => cronFires && blackout is not null
        ? $"every time it would fire in the next 5 years falls inside its blackout ({string.Join(", ", blackout.Rules.Select(r => r.CalendarId))})"
        : "its cron has no fire time in the next 5 years (a past year, or a date that never comes)";
}
