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

        // One read for every stored trigger and one write for every new or changed one: start-up with thousands of
        // schedules costs a few store round trips, not several per schedule.
        var keys = stored.Where(k => wanted.ContainsKey(k.Name)).Select(k => ScheduleKeys.Trigger(k.Name)).ToList();
        var existing = (await scheduler.GetTriggers(keys, cancellationToken)).ToDictionary(t => t.Key.Name, StringComparer.Ordinal);
        List<ScenarioSchedule> changed = [];
        foreach (var scenario in wanted.Values)
        {
            var trigger = existing.GetValueOrDefault(scenario.Id);
            if (trigger?.JobDataMap.GetString(ScheduleKeys.Fingerprint) == ScenarioTriggers.Fingerprint(catalogue, scenario))
            {
                unchanged.Add(scenario.Id);
                continue;
            }

            changed.Add(ScenarioSchedule.For(catalogue, scenario)!);
            (trigger is null ? added : replaced).Add(scenario.Id);
        }

        await CalendarJobs.ScheduleAllAsync(scheduler, changed.Select(s => Job(catalogue, s)).ToList(), cancellationToken);
        if (firesFrom is { } from && changed.Count > 0)
        {
            steppedOver.AddRange(await SteppedOverAsync(scheduler, changed, from, cancellationToken));
        }

        var changes = new ScheduleChanges(added, replaced, removed, unchanged) { SteppedOver = steppedOver };
        log.Information("Schedule applied: {Changes}", changes.ToString());
        if (await BackupScheduleSync.ApplyAsync(scheduler, catalogue, cancellationToken) is { Count: > 0 } backups)
        {
            log.Information("Backup schedules applied for {Systems}", string.Join(", ", backups));
        }

        return changes;
    }

    private static CalendarJob Job(DrillCatalogue catalogue, ScenarioSchedule schedule) =>
        new(ScenarioTriggers.Job(schedule.Scenario), ScenarioTriggers.Trigger(catalogue, schedule), BlackoutCalendar.NameFor(schedule.Scenario.Id), schedule.Blackout);

    /// <summary>Each schedule's first fire at or after <paramref name="from"/> when it is earlier than its stored trigger's first fire.</summary>
    private static async Task<IEnumerable<MissedFire>> SteppedOverAsync(IScheduler scheduler, IReadOnlyList<ScenarioSchedule> schedules, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var triggers = (await scheduler.GetTriggers(schedules.Select(s => ScheduleKeys.Trigger(s.Scenario.Id)).ToList(), cancellationToken))
            .ToDictionary(t => t.Key.Name, StringComparer.Ordinal);
        return schedules
            .Select(s => (s.Scenario.Id, Next: triggers.GetValueOrDefault(s.Scenario.Id)?.NextFireTimeUtc, First: s.NextFires(from.AddTicks(-1), 1).Times is [var first, ..] ? first : (DateTimeOffset?)null))
            .Where(f => f.First is not null && (f.Next is null || f.First < f.Next))
            .Select(f => new MissedFire(f.Id, f.First!.Value));
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
