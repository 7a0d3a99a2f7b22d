using Drills.Orchestrator.Scheduling.Calendars;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Schedules;
using Quartz;

namespace Drills.Orchestrator.Scheduling;

/// <summary>
/// A system's scheduled agency backup as <c>drills serve</c> takes it: its cron read in the catalogue's zone
/// and its blackout calendar. A system whose backup has no schedule is backed up only on demand.
/// </summary>
internal sealed record BackupSchedule(SystemDefinition System, ScheduleText Text, TimeZoneInfo Zone, CronExpression Cron, BlackoutCalendar? Blackout)
{
    public static BackupSchedule? For(DrillCatalogue catalogue, SystemDefinition system)
    {
        if (system.Backup?.Schedule is not { } schedule)
        {
            return null;
        }

        var text = ScheduleText.Parse(schedule);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(catalogue.Defaults.TimeZone);
        return new BackupSchedule(system, text, zone, new CronExpression(text.QuartzExpression, zone), BlackoutCalendar.For(catalogue, system.Backup.Blackout));
    }

    /// <summary>Every scheduled backup of the catalogue, in catalogue order.</summary>
    public static IReadOnlyList<BackupSchedule> All(DrillCatalogue catalogue) =>
        [.. catalogue.Systems.Values.Select(s => For(catalogue, s)).OfType<BackupSchedule>()];

    public FireForecast NextFires(DateTimeOffset after, int count) => FireTimes.Next(Cron, Blackout, after, count);
}
