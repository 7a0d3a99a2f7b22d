using Drills.Orchestrator.Scheduling.Calendars;
using Drills.Orchestrator.Service;
using Drills.Orchestrator.Tests.Scenarios;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Loading;
using Quartz;

namespace Drills.Orchestrator.Tests.Orchestrator.Service;

/// <summary>The job store holds exactly the catalogue's schedules, across restarts and reloads.</summary>
public sealed class ScheduleSyncTests : IDisposable
{
    private readonly QuartzOnSqlite _quartz = new();
    private readonly ScheduleSync _sync = new(Serilog.Core.Logger.None);

    [Fact]
    public async Task Schedules_survive_a_restart_and_an_unchanged_catalogue_keeps_each_next_fire_time()
    {
        var catalogue = Catalogue("0 0 2 ? * SUN", "30 2 * * 1-5");
        DateTimeOffset? next;
        await using (var first = await _quartz.StartAsync(start: false))
        {
            await _sync.ApplyAsync(first.Scheduler, catalogue, CancellationToken.None);
            next = (await first.Scheduler.GetTrigger(ScheduleKeys.Trigger("web-kill"), CancellationToken.None))!.NextFireTimeUtc;
        }

        await using var second = await _quartz.StartAsync(start: false);
        var changes = await _sync.ApplyAsync(second.Scheduler, catalogue, CancellationToken.None);
        var trigger = (ICronTrigger)(await second.Scheduler.GetTrigger(ScheduleKeys.Trigger("web-kill"), CancellationToken.None))!;

        Assert.Equal(["web-kill", "web-stop"], changes.Unchanged.Order());
        Assert.Empty(changes.Added);
        Assert.Equal(next, trigger.NextFireTimeUtc);
        Assert.Equal("Asia/Ho_Chi_Minh", trigger.TimeZone.Id);
        Assert.Equal((DayOfWeek.Sunday, 2), (TimeZoneInfo.ConvertTime(next!.Value, trigger.TimeZone).DayOfWeek, TimeZoneInfo.ConvertTime(next.Value, trigger.TimeZone).Hour));
        Assert.Equal(CronTriggerMisfireInstruction.DoNothing, trigger.MisfireInstruction);
        Assert.Equal(BlackoutCalendar.NameFor("web-kill"), trigger.CalendarName);
        Assert.IsType<BlackoutCalendar>(await second.Scheduler.GetCalendar(BlackoutCalendar.NameFor("web-kill"), CancellationToken.None));
    }

    [Fact]
    public async Task Reload_replaces_a_changed_schedule_translates_crontab_and_deletes_a_removed_one()
    {
        await using var running = await _quartz.StartAsync(start: false);
        await _sync.ApplyAsync(running.Scheduler, Catalogue("0 0 2 ? * SUN", "30 2 * * 1-5"), CancellationToken.None);

        var changes = await _sync.ApplyAsync(running.Scheduler, Catalogue("15 4 * * 6", stopSchedule: null), CancellationToken.None);
        var trigger = (ICronTrigger)(await running.Scheduler.GetTrigger(ScheduleKeys.Trigger("web-kill"), CancellationToken.None))!;

        Assert.Equal(["web-kill"], changes.Replaced);
        Assert.Equal(["web-stop"], changes.Removed);
        Assert.Equal("0 15 4 ? * SAT", trigger.CronExpressionString);
        Assert.False(await running.Scheduler.Exists(ScheduleKeys.Job("web-stop"), CancellationToken.None));
        Assert.Null(await running.Scheduler.GetCalendar(BlackoutCalendar.NameFor("web-stop"), CancellationToken.None));
    }

    [Fact]
    public async Task Schedule_new_at_start_up_returns_a_fire_that_came_due_while_the_service_was_starting()
    {
        // The process started two minutes ago; the fire came due 90s ago, before the catalogue was synced.
        var now = DateTimeOffset.UtcNow;
        var due = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddSeconds(-90);
        var catalogue = Catalogue(Integration.Scheduling.ServeCatalogues.Once(due), stopSchedule: null);
        await using var running = await _quartz.StartAsync(start: false);

        var changes = await _sync.ApplyAsync(running.Scheduler, catalogue, now.AddMinutes(-2), CancellationToken.None);
        var again = await _sync.ApplyAsync(running.Scheduler, catalogue, now.AddMinutes(-2), CancellationToken.None);

        Assert.Equal([new MissedFire("web-kill", due)], changes.SteppedOver);
        Assert.Empty(again.SteppedOver);
    }

    [Fact]
    public async Task Schedule_new_on_a_reload_fires_from_now_on()
    {
        var due = DateTimeOffset.UtcNow.AddSeconds(-90);
        await using var running = await _quartz.StartAsync(start: false);

        await _sync.ApplyAsync(running.Scheduler, Catalogue(Integration.Scheduling.ServeCatalogues.Once(due), stopSchedule: null), CancellationToken.None);
        var trigger = await running.Scheduler.GetTrigger(ScheduleKeys.Trigger("web-kill"), CancellationToken.None);

        Assert.True(trigger!.NextFireTimeUtc > DateTimeOffset.UtcNow.AddDays(300), $"next fire {trigger.NextFireTimeUtc:O}");
    }

    [Fact]
    public async Task Blackout_removed_on_a_reload_leaves_no_calendar_behind()
    {
        await using var running = await _quartz.StartAsync(start: false);
        await _sync.ApplyAsync(running.Scheduler, Catalogue("0 0 2 ? * SUN", stopSchedule: null), CancellationToken.None);

        var changes = await _sync.ApplyAsync(running.Scheduler, Catalogue("0 0 2 ? * SUN", stopSchedule: null, killBlackout: false), CancellationToken.None);
        var trigger = await running.Scheduler.GetTrigger(ScheduleKeys.Trigger("web-kill"), CancellationToken.None);

        Assert.Equal(["web-kill"], changes.Replaced);
        Assert.Null(trigger!.CalendarName);
        Assert.Null(await running.Scheduler.GetCalendar(BlackoutCalendar.NameFor("web-kill"), CancellationToken.None));
    }

    [Fact]
    public async Task Ten_thousand_schedules_are_stored_each_with_its_next_fire_and_found_unchanged_after_a_restart()
    {
        var result = CatalogueLoader.LoadText(ManySchedules(10_000), CatalogueText.FileName);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors.Take(3)));
        await using (var first = await _quartz.StartAsync(start: false))
        {
            var changes = await _sync.ApplyAsync(first.Scheduler, result.Catalogue!, DateTimeOffset.UtcNow, CancellationToken.None);
            Assert.Equal(10_000, changes.Added.Count);
            Assert.Empty(changes.SteppedOver);
        }

        await using var second = await _quartz.StartAsync(start: false);
        var again = await _sync.ApplyAsync(second.Scheduler, result.Catalogue!, CancellationToken.None);
        var last = await second.Scheduler.GetTrigger(ScheduleKeys.Trigger("s9999"), CancellationToken.None);

        Assert.Equal(10_000, again.Unchanged.Count);
        Assert.Equal(new DateTimeOffset(DateTimeOffset.UtcNow.Year + 1, 1, 1, 5, 46, 39, TimeSpan.Zero), last!.NextFireTimeUtc);
    }

    public void Dispose() => _quartz.Dispose();

    /// <summary>One system and <paramref name="count"/> scenarios, each firing once a year at its own second of New Year's Day (UTC).</summary>
    private static string ManySchedules(int count) =>
        "version: 1\ndefaults: { timezone: Etc/UTC }\nsystems:\n  web:\n    title: Web\n    security_level: 3\n" +
        "    container: { image: \"drills/web:1\", name: drills-web }\n    checks: [{ tcp: \"127.0.0.1:18080\" }]\nscenarios:\n" +
        string.Concat(Enumerable.Range(0, count).Select(i => FormattableString.Invariant(
            $"  s{i}: {{ title: t, system: web, attack: [kill: {{}}], restore: [start: {{}}], schedule: \"{i % 60} {i / 60 % 60} {3 + (i / 3600)} 1 1 ?\" }}\n")));


    /// <summary>web-kill scheduled outside a Tết calendar (or with no blackout); web-stop scheduled (or on demand when null).</summary>
    private static DrillCatalogue Catalogue(string killSchedule, string? stopSchedule, bool killBlackout = true)
    {
        var yaml = CatalogueText.With("    system: web", $"    system: web\n    schedule: \"{killSchedule}\"" + (killBlackout ? "\n    blackout: [tet]" : ""))
                   + "  web-stop:\n    title: Stop\n    system: web\n"
                   + (stopSchedule is null ? "" : $"    schedule: \"{stopSchedule}\"\n    blackout: [tet]\n")
                   + "    attack: [{ stop: {} }]\n    restore: [{ start: {} }]\n"
                   + "calendars:\n  tet: { dates: [\"2027-02-05..2027-02-11\"] }\n";
        var result = CatalogueLoader.LoadText(yaml, CatalogueText.FileName);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Catalogue!;
    }
}
