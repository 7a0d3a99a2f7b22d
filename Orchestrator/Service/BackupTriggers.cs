using System.Text.Json;
using Drills.Orchestrator.Scheduling;
using Drills.Scenarios.Catalogue;
using Quartz;

namespace Drills.Orchestrator.Service;

/// <summary>
/// Builds a system's scheduled-backup job and cron trigger. They live in their own group, apart from the
/// drills: a backup is not a drill, has no run record, and a missed one is simply taken at the next fire.
/// </summary>
internal static class BackupTriggers
{
    public const string Group = "drills-backups";

    /// <summary>Calendar names are per system, and never collide with a scenario's.</summary>
    public static string CalendarName(string systemId) => "blackout-backup:" + systemId;

    public static JobKey JobKey(string systemId) => new(systemId, Group);

    public static TriggerKey TriggerKey(string systemId) => new(systemId, Group);

    public static IJobDetail Job(SystemDefinition system) =>
        JobBuilder.Create<BackupJob>()
            .WithIdentity(JobKey(system.Id))
            .WithDescription($"Backup of {system.Title}")
            .StoreDurably()
            .Build();

    public static ITrigger Trigger(DrillCatalogue catalogue, BackupSchedule schedule)
    {
        var system = schedule.System;
        var builder = TriggerBuilder.Create()
            .WithIdentity(TriggerKey(system.Id))
            .ForJob(JobKey(system.Id))
            .UsingJobData(ScheduleKeys.Fingerprint, Fingerprint(catalogue, system))
            // A backup missed while the service was down is not replayed: the next fire takes a fresh one.
            .WithCronSchedule(schedule.Text.QuartzExpression, cron => cron.InTimeZone(schedule.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing));
        return schedule.Blackout is not null ? builder.WithCalendarName(CalendarName(system.Id)).Build() : builder.Build();
    }

    /// <summary>Everything the trigger depends on: a reload replaces it only when this changes.</summary>
    public static string Fingerprint(DrillCatalogue catalogue, SystemDefinition system)
    {
        var calendars = (system.Backup?.Blackout ?? [])
            .Select(id => catalogue.Calendars[id])
            .Select(c => new { c.Id, c.Daily, c.Weekdays, c.Dates });
        return JsonSerializer.Serialize(new { system.Backup?.Schedule, catalogue.Defaults.TimeZone, calendars });
    }
}
