using System.Text.Json;
using Drills.Orchestrator.Scheduling;
using Drills.Orchestrator.Scheduling.Calendars;
using Drills.Scenarios.Catalogue;
using Quartz;

namespace Drills.Orchestrator.Service;

/// <summary>Builds a scheduled scenario's Quartz job and cron trigger, in the catalogue's time zone.</summary>
internal static class ScenarioTriggers
{
    public static IJobDetail Job(ScenarioDefinition scenario) =>
        JobBuilder.Create<DrillJob>()
            .WithIdentity(ScheduleKeys.Job(scenario.Id))
            .WithDescription(scenario.Title)
            .StoreDurably()
            .Build();

    public static ITrigger Trigger(DrillCatalogue catalogue, ScenarioSchedule schedule)
    {
        var scenario = schedule.Scenario;
        var builder = TriggerBuilder.Create()
            .WithIdentity(ScheduleKeys.Trigger(scenario.Id))
            .ForJob(ScheduleKeys.Job(scenario.Id))
            .UsingJobData(ScheduleKeys.Fingerprint, Fingerprint(catalogue, scenario))
            // Missed fires are not replayed by Quartz: MissedFires applies the documented grace rule instead.
            .WithCronSchedule(schedule.Text.QuartzExpression, cron => cron.InTimeZone(schedule.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing));
        return schedule.Blackout is not null ? builder.WithCalendarName(BlackoutCalendar.NameFor(scenario.Id)).Build() : builder.Build();
    }

    /// <summary>Everything the trigger depends on: a reload replaces a trigger (and resets its fire times) only when this changes.</summary>
    public static string Fingerprint(DrillCatalogue catalogue, ScenarioDefinition scenario)
    {
        var calendars = scenario.Blackout
            .Select(id => catalogue.Calendars[id])
            .Select(c => new { c.Id, c.Daily, c.Weekdays, c.Dates });
        return JsonSerializer.Serialize(new { scenario.Schedule, catalogue.Defaults.TimeZone, calendars });
    }
}
