using Drills.Orchestrator.Service;
using Drills.Orchestrator.Tests.Scenarios;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Loading;
using Quartz;

namespace Drills.Orchestrator.Tests.Orchestrator.Service;

/// <summary>The job store holds exactly the catalogue's backup schedules, beside the drills' and apart from them.</summary>
public sealed class BackupScheduleSyncTests : IDisposable
{
    private readonly QuartzOnSqlite _quartz = new();
    private readonly ScheduleSync _sync = new(Serilog.Core.Logger.None);

    [Fact]
    public async Task A_backup_schedule_fires_in_the_catalogue_zone_outside_its_blackout()
    {
        await using var running = await _quartz.StartAsync(start: false);

        await _sync.ApplyAsync(running.Scheduler, Catalogue("0 0 */6 ? * *", blackout: true), CancellationToken.None);
        var trigger = (ICronTrigger)(await running.Scheduler.GetTrigger(BackupTriggers.TriggerKey("web"), CancellationToken.None))!;

        Assert.Equal(("0 0 */6 ? * *", "Asia/Ho_Chi_Minh"), (trigger.CronExpressionString, trigger.TimeZone.Id));
        Assert.Equal(BackupTriggers.CalendarName("web"), trigger.CalendarName);
        Assert.NotNull(await running.Scheduler.GetCalendar(BackupTriggers.CalendarName("web"), CancellationToken.None));
        Assert.Equal(CronTriggerMisfireInstruction.DoNothing, trigger.MisfireInstruction);
    }

    [Fact]
    public async Task A_changed_backup_schedule_is_replaced_and_a_removed_one_deleted_without_touching_the_drills()
    {
        await using var running = await _quartz.StartAsync(start: false);
        await _sync.ApplyAsync(running.Scheduler, Catalogue("0 0 */6 ? * *", blackout: true), CancellationToken.None);

        await _sync.ApplyAsync(running.Scheduler, Catalogue("30 1 * * *", blackout: false), CancellationToken.None);
        var changed = (ICronTrigger)(await running.Scheduler.GetTrigger(BackupTriggers.TriggerKey("web"), CancellationToken.None))!;
        var changedCalendar = await running.Scheduler.GetCalendar(BackupTriggers.CalendarName("web"), CancellationToken.None);
        await _sync.ApplyAsync(running.Scheduler, Catalogue(schedule: null, blackout: false), CancellationToken.None);

        Assert.Equal("0 30 1 * * ?", changed.CronExpressionString);
        Assert.Null(changedCalendar);
        Assert.False(await running.Scheduler.Exists(BackupTriggers.JobKey("web"), CancellationToken.None));
        Assert.True(await running.Scheduler.Exists(ScheduleKeys.Job("web-kill"), CancellationToken.None));
    }

    public void Dispose() => _quartz.Dispose();

    /// <summary>System web with a files backup (scheduled when <paramref name="schedule"/> is given), web-kill scheduled weekly.</summary>
    private static DrillCatalogue Catalogue(string? schedule, bool blackout)
    {
        var backup = schedule is null ? "{}" : $"{{ schedule: \"{schedule}\"{(blackout ? ", blackout: [tet]" : "")} }}";
        var yaml = CatalogueText.WithData("    data: { paths: [/srv/www] }", $"    data: {{ paths: [/srv/www] }}\n    backup: {backup}")
                       .Replace("    system: web\n", "    system: web\n    schedule: \"0 0 2 ? * SUN\"\n", StringComparison.Ordinal)
                   + "calendars:\n  tet: { dates: [\"2027-02-05..2027-02-11\"] }\n";
        var result = CatalogueLoader.LoadText(yaml, CatalogueText.FileName);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Catalogue!;
    }
}
