using Drills.Orchestrator.Scheduling;
using Drills.Orchestrator.Scheduling.Calendars;
using Drills.Scenarios.Catalogue;
using Quartz;
using Serilog;

namespace Drills.Orchestrator.Service;

/// <summary>
/// Makes the job store hold exactly the catalogue's schedules: new ones added, changed ones replaced,
/// removed ones deleted, unchanged ones left alone so their fire history and next fire time stay.
/// </summary>
internal sealed class ScheduleSync(ILogger log)
{
    /// <summary>On a reload: a new or changed schedule fires from now on.</summary>
    public Task<ScheduleChanges> ApplyAsync(IScheduler scheduler, DrillCatalogue catalogue, CancellationToken cancellationToken) =>
        ApplyAsync(scheduler, catalogue, firesFrom: null, cancellationToken);

    /// <summary>
    /// At start-up: a new or changed schedule is owed from <paramref name="firesFrom"/> (the process's start). Quartz
    /// starts a cron trigger after now, stepping over a fire that came due while the service was starting: such a
    /// fire is returned in <see cref="ScheduleChanges.SteppedOver"/>, for the misfire rule to run or record it.
    /// </summary>
    public async Task<ScheduleChanges> ApplyAsync(IScheduler scheduler, DrillCatalogue catalogue, DateTimeOffset? firesFrom, CancellationToken cancellationToken)
    {
        var wanted = catalogue.Scenarios.Values.Where(s => s.Schedule is not null).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var stored = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ScheduleKeys.Group), cancellationToken);
        List<string> added = [], replaced = [], removed = [], unchanged = [];
        List<MissedFire> steppedOver = [];
        foreach (var key in stored.Where(k => !wanted.ContainsKey(k.Name)))
        {
            await scheduler.DeleteJob(key, cancellationToken);
            await scheduler.DeleteCalendar(BlackoutCalendar.NameFor(key.Name), cancellationToken);
            removed.Add(key.Name);
        }

        foreach (var scenario in wanted.Values)
        {
            var existing = await scheduler.GetTrigger(ScheduleKeys.Trigger(scenario.Id), cancellationToken);
            if (existing?.JobDataMap.GetString(ScheduleKeys.Fingerprint) == ScenarioTriggers.Fingerprint(catalogue, scenario))
            {
                unchanged.Add(scenario.Id);
                continue;
            }

            var schedule = ScenarioSchedule.For(catalogue, scenario)!;
            await ScheduleAsync(scheduler, catalogue, schedule, cancellationToken);
            (existing is null ? added : replaced).Add(scenario.Id);
            if (firesFrom is { } from && await SteppedOverAsync(scheduler, schedule, from, cancellationToken) is { } due)
            {
                steppedOver.Add(new MissedFire(scenario.Id, due));
            }
        }

        var changes = new ScheduleChanges(added, replaced, removed, unchanged) { SteppedOver = steppedOver };
        log.Information("Schedule applied: {Changes}", changes.ToString());
        if (await BackupScheduleSync.ApplyAsync(scheduler, catalogue, cancellationToken) is { Count: > 0 } backups)
        {
            log.Information("Backup schedules applied for {Systems}", string.Join(", ", backups));
        }

        return changes;
    }

    private static Task ScheduleAsync(IScheduler scheduler, DrillCatalogue catalogue, ScenarioSchedule schedule, CancellationToken cancellationToken) =>
        CalendarJobs.ScheduleAsync(scheduler, ScenarioTriggers.Job(schedule.Scenario), ScenarioTriggers.Trigger(catalogue, schedule),
            BlackoutCalendar.NameFor(schedule.Scenario.Id), schedule.Blackout, cancellationToken);

    /// <summary>The first fire at or after <paramref name="from"/> when it is earlier than the trigger's first fire.</summary>
    private static async Task<DateTimeOffset?> SteppedOverAsync(IScheduler scheduler, ScenarioSchedule schedule, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var next = (await scheduler.GetTrigger(ScheduleKeys.Trigger(schedule.Scenario.Id), cancellationToken))?.NextFireTimeUtc;
        return schedule.NextFires(from.AddTicks(-1), 1).Times is [var first, ..] && (next is null || first < next) ? first : null;
    }
}

/// <summary>What one sync changed, by scenario id.</summary>
internal sealed record ScheduleChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Replaced, IReadOnlyList<string> Removed, IReadOnlyList<string> Unchanged)
{
    /// <summary>Fires of new or changed schedules that came due between the process's start and the sync.</summary>
    public IReadOnlyList<MissedFire> SteppedOver { get; init; } = [];

    public override string ToString() =>
        $"{Describe(Added, "added")}, {Describe(Replaced, "changed")}, {Describe(Removed, "removed")}, {Describe(Unchanged, "unchanged")}";

    private static string Describe(IReadOnlyList<string> ids, string what) =>
        ids.Count == 0 ? $"0 {what}" : $"{ids.Count} {what} ({string.Join(", ", ids)})";
}
