using Drills.Orchestrator.Errors;
using Drills.Scenarios.RunRecords;

using static Drills.Orchestrator.Tests.Integration.Scheduling.ServeCatalogues;
using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration.Scheduling;

/// <summary><c>drills serve</c> as a process against real containers: fires, restarts, misfires, overlap and reload.</summary>
[Collection(DockerCollection.Name)]
public sealed class ServeTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly RealDrillHarness _h = new();

    [Fact]
    public async Task Scheduled_drill_fires_against_a_real_container_and_again_after_a_restart_without_duplicates()
    {
        var file = await WriteAsync(_h.Folder, Load(Portal("drills-test-serve-fire", 18200, KillDrill("kill-often", "0/5 * * * * ?"))));

        await using (var first = ServeProcess.Start(_h.Folder, file))
        {
            await first.WaitForAsync("ended Passed", Minute, times: 2);
            Assert.Equal(ExitCodes.Passed, await first.StopAsync(Minute));
        }

        await using (var second = ServeProcess.Start(_h.Folder, file))
        {
            await second.WaitForAsync("ended Passed", Minute);
            Assert.Equal(ExitCodes.Passed, await second.StopAsync(Minute));
        }

        var runs = _h.Store.List(100).Where(r => r.Outcome != RunOutcome.Skipped).ToList();
        Assert.True(runs.Count >= 3, $"expected at least 3 runs, found {runs.Count}");
        Assert.All(runs, r => Assert.NotEqual(RunTrigger.OnDemand, r.Origin.Trigger));
        Assert.Equal(runs.Count, runs.Select(r => r.Origin.ScheduledForUtc).Distinct().Count());
        Assert.Contains(runs, r => r.Outcome == RunOutcome.Passed && r.ReportPath is { } path && File.Exists(path));
    }

    [Fact]
    public async Task Fire_missed_while_down_runs_once_within_the_grace_period_and_is_skipped_and_recorded_beyond_it()
    {
        string Catalogue(string scenarios) => Load(Portal("drills-test-serve-misfire", 18201, scenarios));
        var (catchUpAt, file) = await PlaceFireWhileDownAsync(at => Catalogue(KillDrill("catch-up-me", Once(at))));
        await UntilMissedAsync(catchUpAt);
        await using (var within = ServeProcess.Start(_h.Folder, file))
        {
            await within.WaitForAsync("ended Passed", Minute);
            await within.StopAsync(Minute);
        }

        // The second fire is declared only now, so however long the first phase took, it is still ahead.
        var catchUp = KillDrill("catch-up-me", Once(catchUpAt));
        (var skipAt, file) = await PlaceFireWhileDownAsync(at => Catalogue(catchUp + "\n" + KillDrill("skip-me", Once(at))));
        await UntilMissedAsync(skipAt);
        await using (var beyond = ServeProcess.Start(_h.Folder, file, "--misfire-grace", "0s"))
        {
            await beyond.WaitForAsync("(Skipped):", Minute);
            await beyond.StopAsync(Minute);
        }

        var runs = _h.Store.List(100);
        var caughtUp = Assert.Single(runs, r => r.ScenarioId == "catch-up-me" && r.Origin.ScheduledForUtc == catchUpAt);
        Assert.Equal((RunOutcome.Passed, RunTrigger.CatchUp, catchUpAt), (caughtUp.Outcome, caughtUp.Origin.Trigger, caughtUp.Origin.ScheduledForUtc));
        var skipped = Assert.Single(runs, r => r.ScenarioId == "skip-me" && r.Origin.ScheduledForUtc == skipAt);
        Assert.Equal((RunOutcome.Skipped, skipAt), (skipped.Outcome, skipped.Origin.ScheduledForUtc));
        Assert.Contains("beyond the 0s grace period", skipped.SkipReason, StringComparison.Ordinal);
        Assert.True(File.Exists(skipped.ReportPath), "a skip has a report");
        var listed = await CliProcess.RunAsync("runs", "--json", "--data-dir", _h.Folder);
        Assert.Contains("\"outcome\":\"skipped\"", listed.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"skipReason\":\"missed while the service was down", listed.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"trigger\":\"catchUp\"", listed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_drills_on_one_system_due_at_the_same_second_run_one_after_the_other()
    {
        var at = SecondsAhead(6);
        var file = await WriteAsync(_h.Folder, Load(Portal("drills-test-serve-overlap", 18202,
            KillDrill("first", Once(at)) + "\n" + KillDrill("second", Once(at)))));

        await using (var serve = ServeProcess.Start(_h.Folder, file))
        {
            await serve.WaitForAsync("ended Passed", Minute, times: 2);
            await serve.StopAsync(Minute);
        }

        var runs = _h.Store.List(10).OrderBy(r => r.StartedAtUtc).ToList();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(at, r.Origin.ScheduledForUtc));
        Assert.True(runs[0].EndedAtUtc <= runs[1].StartedAtUtc, $"{runs[0].ScenarioId} ended {runs[0].EndedAtUtc:O}, {runs[1].ScenarioId} started {runs[1].StartedAtUtc:O}");
        Assert.True(runs[1].Origin.Waited > TimeSpan.FromSeconds(1), "the second drill's wait is recorded");
        Assert.Contains(runs[0].ScenarioId, runs[1].Origin.WaitedFor, StringComparison.Ordinal);
        Assert.Contains(_h.Store.Find(runs[1].RunId)!.Journal, e => e.Message.Contains("waited", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Catalogue_with_errors_on_reload_is_rejected_whole_logged_and_the_old_schedule_keeps_firing()
    {
        var good = Load(Portal("drills-test-serve-reload", 18203, KillDrill("kill-often", "0/4 * * * * ?")));
        var file = await WriteAsync(_h.Folder, good);
        await using var serve = ServeProcess.Start(_h.Folder, file);
        await serve.WaitForAsync("ended Passed", Minute);

        await File.WriteAllTextAsync(file, good.Replace("kill: {}", "kil: {}", StringComparison.Ordinal)
            .Replace("0/4 * * * * ?", "0/4 * * * * MON ?", StringComparison.Ordinal));
        var reload = await CliProcess.RunAsync("reload", "--data-dir", _h.Folder);
        var runsAtRejection = serve.Count("ended Passed");
        await serve.WaitForAsync("ended Passed", Minute, times: runsAtRejection + 1);

        Assert.Equal(ExitCodes.BadInput, reload.ExitCode);
        Assert.Contains("Rejected: 2 error(s)", reload.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"rejected \S*scenarios\.yaml:\d+:\d+: .*'kil'", serve.Log);
        Assert.Matches(@"rejected \S*scenarios\.yaml:\d+:\d+: .*MON \?", serve.Log);
        Assert.Contains("the running schedule is unchanged", serve.Log, StringComparison.Ordinal);

        await File.WriteAllTextAsync(file, good.Replace("0/4 * * * * ?", Once(SecondsAhead(3600)), StringComparison.Ordinal));
        await serve.WaitForAsync("1 changed (kill-often)", Minute);
        var accepted = await CliProcess.RunAsync("reload", "--data-dir", _h.Folder);
        Assert.Equal(ExitCodes.Passed, accepted.ExitCode);
        Assert.Contains("Unchanged", accepted.Stdout, StringComparison.Ordinal);
        Assert.Contains("in force since", accepted.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Passed, await serve.StopAsync(Minute));
    }

    [Fact]
    public async Task Blackout_calendar_suppresses_a_real_fire_while_a_scenario_without_it_fires()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);
        var yaml = Portal("drills-test-serve-blackout", 18204,
            KillDrill("blacked-out", "0/3 * * * * ?", blackout: "drill-freeze") + "\n" + KillDrill("free", "0/3 * * * * ?")) + $$"""

            calendars:
              drill-freeze: { dates: ["{{today:yyyy-MM-dd}}..{{today.AddDays(1):yyyy-MM-dd}}"] }
            """;
        var file = await WriteAsync(_h.Folder, Load(yaml));

        await using (var serve = ServeProcess.Start(_h.Folder, file))
        {
            await serve.WaitForAsync("ended Passed", Minute, times: 2);
            await serve.StopAsync(Minute);
        }

        var runs = _h.Store.List(100);
        Assert.DoesNotContain(runs, r => r.ScenarioId == "blacked-out");
        Assert.Contains(runs, r => r.ScenarioId == "free" && r.Outcome == RunOutcome.Passed);
        var schedule = await CliProcess.RunAsync("schedule", file, "--json", "--data-dir", _h.Folder);
        Assert.Equal(ExitCodes.Passed, schedule.ExitCode);
        Assert.Contains($"{today.AddDays(2):yyyy-MM-dd}T00:00:00+07:00", schedule.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Second_service_on_the_same_data_directory_refuses_to_start_and_reload_without_a_service_says_so()
    {
        var file = await WriteAsync(_h.Folder, Load(Portal("drills-test-serve-single", 18207, KillDrill("rarely", Once(SecondsAhead(3600))))));
        var noService = await CliProcess.RunAsync("reload", "--data-dir", _h.Folder);
        await using var first = ServeProcess.Start(_h.Folder, file);
        await first.WaitForAsync("drills serve started", Minute);

        var second = await CliProcess.RunAsync("serve", "--file", file, "--data-dir", _h.Folder);
        var schedule = await CliProcess.RunAsync("schedule", file, "--json", "--data-dir", _h.Folder);

        Assert.Equal(ExitCodes.Environment, noService.ExitCode);
        Assert.Contains("No drills serve is running with the data directory", noService.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Environment, second.ExitCode);
        Assert.Contains("Another drills serve (process ", second.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"serviceRunning\":true", schedule.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Passed, await first.StopAsync(Minute));
    }

    public Task InitializeAsync() => _h.RemoveLeftoversAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private string Load(string yaml)
    {
        _h.Load(yaml);
        return yaml;
    }

    /// <summary>
    /// Has a service store a fire and exit before it comes due, so the fire is missed while the service is down.
    /// The fire is placed ahead of the start; when the start and stop took longer than that (a loaded machine),
    /// it came due while the service ran, and the placement is tried again further ahead.
    /// </summary>
    private async Task<(DateTimeOffset At, string File)> PlaceFireWhileDownAsync(Func<DateTimeOffset, string> catalogue)
    {
        for (var lead = 6; ; lead *= 2)
        {
            var at = SecondsAhead(lead);
            var file = await WriteAsync(_h.Folder, catalogue(at));
            await using (var serve = ServeProcess.Start(_h.Folder, file))
            {
                await serve.WaitForAsync("drills serve started", Minute);
                await serve.StopAsync(Minute);
            }

            if (DateTimeOffset.UtcNow < at)
            {
                return (at, file);
            }

            Assert.True(lead < 100, $"drills serve did not start and stop within {lead}s");
        }
    }

    /// <summary>Until the fire is later than the misfire threshold (5s): only then does a start find it missed rather than merely late.</summary>
    private static async Task UntilMissedAsync(DateTimeOffset due)
    {
        var wait = due.AddSeconds(6) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }
}
