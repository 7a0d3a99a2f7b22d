using Quartz;
using Quartz.Impl.Calendar;

namespace Drills.Orchestrator.Service;

/// <summary>Stores a job with its one trigger and the trigger's blackout calendar, or with no calendar left behind when it has none.</summary>
internal static class CalendarJobs
{
    public static async Task ScheduleAsync(IScheduler scheduler, IJobDetail job, ITrigger trigger, string calendarName, BaseCalendar? blackout,
        CancellationToken cancellationToken)
    {
        if (blackout is not null)
        {
            await scheduler.AddCalendar(calendarName, blackout, AddCalendarOptions.Replacing, cancellationToken);
        }

        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        if (blackout is null)
        {
            await scheduler.DeleteCalendar(calendarName, cancellationToken);
        }
    }
}
