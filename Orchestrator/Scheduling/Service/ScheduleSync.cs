using Drills.Orchestrator.Scheduling.Calendars;
using Drills.Scenarios.Catalogue;
using Quartz;
using Serilog;

namespace Drills.Orchestrator.Scheduling.Service;

/// <summary>
/// Makes the job store hold exactly the catalogue's schedules: new ones added, changed ones replaced,
/// removed ones deleted, unchanged ones left alone so their fire history and next fire time stay.
/// </summary>
internal sealed class ScheduleSync(ILogger log)
{
    public async Task<ScheduleChanges> ApplyAsync(IScheduler scheduler, DrillCatalogue catalogue, CancellationToken cancellationToken)
    {
        var wanted = catalogue.Scenarios.Values.Where(s => s.Schedule is not null).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var stored = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ScheduleKeys.Group), cancellationToken);
        List<string> added = [], replaced = [], removed = [], unchanged = [];
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

            await ScheduleAsync(scheduler, catalogue, scenario, cancellationToken);
            (existing is null ? added : replaced).Add(scenario.Id);
        }

        var changes = new ScheduleChanges(added, replaced, removed, unchanged);
        log.Information("Schedule applied: {Changes}", changes.ToString());
        return changes;
    }

    private static async Task ScheduleAsync(IScheduler scheduler, DrillCatalogue catalogue, ScenarioDefinition scenario, CancellationToken cancellationToken)
    {
        var schedule = ScenarioSchedule.For(catalogue, scenario)!;
        var calendarName = BlackoutCalendar.NameFor(scenario.Id);
        if (schedule.Blackout is { } calendar)
        {
            await scheduler.AddCalendar(calendarName, calendar, AddCalendarOptions.Replacing, cancellationToken);
        }

        await scheduler.ScheduleJob(ScenarioTriggers.Job(scenario), [ScenarioTriggers.Trigger(catalogue, schedule)], ScheduleJobOptions.Replacing, cancellationToken);
        if (schedule.Blackout is null)
        {
            await scheduler.DeleteCalendar(calendarName, cancellationToken);
        }
    }
}

/// <summary>What one sync changed, by scenario id.</summary>
internal sealed record ScheduleChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Replaced, IReadOnlyList<string> Removed, IReadOnlyList<string> Unchanged)
{
    public override string ToString() =>
        $"{Describe(Added, "added")}, {Describe(Replaced, "changed")}, {Describe(Removed, "removed")}, {Describe(Unchanged, "unchanged")}";

    private static string Describe(IReadOnlyList<string> ids, string what) =>
        ids.Count == 0 ? $"0 {what}" : $"{ids.Count} {what} ({string.Join(", ", ids)})";
}
