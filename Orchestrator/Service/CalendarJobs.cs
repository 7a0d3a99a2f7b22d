using Quartz;
using Quartz.Impl.Calendar;

namespace Drills.Orchestrator.Service;

/// <summary>
/// Stores jobs, each with its one trigger and the trigger's blackout calendar, or with no calendar left behind when it
/// has none. All the jobs of a sync go to the job store in one write, so ten thousand schedules are one transaction, not ten thousand.
/// </summary>
internal static class CalendarJobs
{
    public static Task ScheduleAsync(IScheduler scheduler, IJobDetail job, ITrigger trigger, string calendarName, BaseCalendar? blackout,
        CancellationToken cancellationToken) =>
        ScheduleAllAsync(scheduler, [new CalendarJob(job, trigger, calendarName, blackout)], cancellationToken);

    public static async Task ScheduleAllAsync(IScheduler scheduler, IReadOnlyList<CalendarJob> jobs, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0)
        {
            return;
        }

        // A trigger may only name a calendar the store holds: calendars first.
        foreach (var job in jobs.Where(j => j.Blackout is not null))
        {
            await scheduler.AddCalendar(job.CalendarName, job.Blackout!, AddCalendarOptions.Replacing, cancellationToken);
        }

        await scheduler.ScheduleJobs(jobs.ToDictionary(j => j.Job, j => (IReadOnlyCollection<ITrigger>)[j.Trigger]), ScheduleJobOptions.Replacing, cancellationToken);
        // Then a calendar no trigger names any more (its blackout was removed) goes; one that never existed costs nothing.
        var stored = (await scheduler.QueryCalendarNames(new CalendarQuery { Take = PagedQuery.All }, cancellationToken)).Items.ToHashSet(StringComparer.Ordinal);
        foreach (var job in jobs.Where(j => j.Blackout is null && stored.Contains(j.CalendarName)))
        {
            await scheduler.DeleteCalendar(job.CalendarName, cancellationToken);
        }
    }
}

/// <summary>A job, its one trigger, and the blackout calendar the trigger names (none when <see cref="Blackout"/> is null).</summary>
internal sealed record CalendarJob(IJobDetail Job, ITrigger Trigger, string CalendarName, BaseCalendar? Blackout);
