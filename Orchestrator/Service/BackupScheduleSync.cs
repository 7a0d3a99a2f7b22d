using Drills.Orchestrator.Scheduling;
using Drills.Scenarios.Catalogue;
using Quartz;

namespace Drills.Orchestrator.Service;

/// <summary>
/// Makes the job store hold exactly the catalogue's backup schedules, as <see cref="ScheduleSync"/> does for drills:
/// new ones added, changed ones replaced, removed ones deleted, unchanged ones left alone.
/// </summary>
internal static class BackupScheduleSync
{
    /// <summary>The ids of the systems whose backup schedule was added, changed or removed.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(IScheduler scheduler, DrillCatalogue catalogue, CancellationToken cancellationToken)
    {
        var wanted = BackupSchedule.All(catalogue).ToDictionary(s => s.System.Id, StringComparer.Ordinal);
        var stored = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(BackupTriggers.Group), cancellationToken);
        List<string> changed = [];
        foreach (var key in stored.Where(k => !wanted.ContainsKey(k.Name)))
        {
            await scheduler.DeleteJob(key, cancellationToken);
            await scheduler.DeleteCalendar(BackupTriggers.CalendarName(key.Name), cancellationToken);
            changed.Add(key.Name);
        }

        foreach (var schedule in wanted.Values)
        {
            var system = schedule.System;
            var existing = await scheduler.GetTrigger(BackupTriggers.TriggerKey(system.Id), cancellationToken);
            if (existing?.JobDataMap.GetString(ScheduleKeys.Fingerprint) == BackupTriggers.Fingerprint(catalogue, system))
            {
                continue;
            }

            await CalendarJobs.ScheduleAsync(scheduler, BackupTriggers.Job(system), BackupTriggers.Trigger(catalogue, schedule),
                BackupTriggers.CalendarName(system.Id), schedule.Blackout, cancellationToken);
            changed.Add(system.Id);
        }

        return changed;
    }
}
