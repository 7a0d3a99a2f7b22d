using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Tests.Orchestrator.Docker;
using Drills.Scenarios.RunRecords;
using static Drills.Orchestrator.Tests.Integration.Scheduling.ServeCatalogues;
using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration.Scheduling;

/// <summary>A drill cut short by a crash or a stop of <c>drills serve</c> still leaves its target at baseline and its run recorded.</summary>
[Collection(DockerCollection.Name)]
public sealed class ServeRecoveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly RealDrillHarness _h = new();

    [Fact]
    public async Task Service_killed_during_the_attack_rolls_the_target_back_on_the_next_start_and_records_the_run_aborted_with_a_report()
    {
        const string name = "drills-test-serve-crash";
        var file = await WriteAsync(_h.Folder, Load(Portal(name, 18205, SlowRansomware("slow-ransom", Once(SecondsAhead(5))))));

        await using (var crashed = ServeProcess.Start(_h.Folder, file))
        {
            await crashed.WaitForAsync(": attack 2/2:", Minute);
            await crashed.WaitForAsync("Impact observed", Minute);
            // The log line comes before the checkpoint that stores the failed check: kill only once it is stored.
            await TestEngine.EventuallyAsync("the impact is checkpointed in the run store", Minute,
                () => Task.FromResult(_h.Store.ListRunning().Any(r => r.Checks.Any(c => !c.Passed))), CancellationToken.None);
            await crashed.KillAsync();
        }

        var attacked = await _h.ReadFilesAsync(name, "/srv/www");
        Assert.Contains("www/README_RESTORE.txt", attacked.Keys);
        var interrupted = Assert.Single(_h.Store.List(10));
        Assert.Equal(RunOutcome.Running, interrupted.Outcome);

        await using (var restarted = ServeProcess.Start(_h.Folder, file))
        {
            await restarted.WaitForAsync("closed as aborted", Minute);
            await restarted.StopAsync(Minute);
        }

        await AssertAtBaselineAsync(name);
        var run = _h.Store.Find(interrupted.RunId)!;
        Assert.Equal((RunOutcome.Aborted, "orchestrator restarted", true), (run.Outcome, run.AbortReason, run.RolledBack));
        Assert.Contains(run.Journal, e => e.Mark == JournalMark.AttackStart);
        Assert.True(run.ImpactObserved, "the impact seen before the crash is kept");
        Assert.Contains(run.Steps, s => s is { Phase: "attack", Kind: "encrypt-files", Succeeded: true });
        Assert.Contains(run.Checks, c => !c.Passed);
        Assert.Contains(run.Journal, e => e.Mark == JournalMark.Rollback && e.Message.StartsWith("Rollback complete", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, run.Journal.Count), run.Journal.Select(e => e.Sequence));
        Assert.True(File.Exists(run.ReportPath), "the recovered run has its report");
        Assert.Contains("orchestrator restarted", await File.ReadAllTextAsync(run.ReportPath!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_during_a_drill_rolls_the_target_back_records_the_waiting_fire_as_skipped_and_exits()
    {
        const string name = "drills-test-serve-stop";
        var at = Once(SecondsAhead(5));
        var file = await WriteAsync(_h.Folder, Load(Portal(name, 18206, SlowRansomware("slow-one", at) + "\n" + SlowRansomware("slow-two", at))));

        await using var serve = ServeProcess.Start(_h.Folder, file);
        await serve.WaitForAsync(": attack 2/2:", Minute);
        var meanwhile = await CliProcess.RunAsync("run", "slow-one", "--file", file, "--data-dir", _h.Folder);
        var exit = await serve.StopAsync(TimeSpan.FromMinutes(4));

        Assert.Equal(ExitCodes.Environment, meanwhile.ExitCode);
        Assert.Contains("System portal is being drilled by another process", Drills.Orchestrator.Tests.Orchestrator.Cli.ScheduledCatalogue.Flat(meanwhile.Stderr), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Passed, exit);
        await AssertAtBaselineAsync(name);
        var runs = _h.Store.List(10);
        Assert.Equal(2, runs.Count);
        var aborted = Assert.Single(runs, r => r.Outcome == RunOutcome.Aborted);
        Assert.True(aborted.RolledBack);
        Assert.Equal("cancelled: the scheduler service was stopped", aborted.AbortReason);
        var skipped = Assert.Single(runs, r => r.Outcome == RunOutcome.Skipped);
        Assert.Equal("the service stopped before the drill's turn came", skipped.SkipReason);
    }

    [Fact]
    public async Task Fire_due_after_sigterm_while_a_drill_rolls_back_is_recorded_as_skipped_with_its_reason()
    {
        const string name = "drills-test-serve-stopping";
        // The portal takes 20s to come back: the rollback, and so the stop, outlast the next fire and Quartz's misfire check.
        string Catalogue(string scenarios) => Load(Portal(name, 18208, scenarios, extraContainer: "env: { START_DELAY: \"20\" }"));
        var slow = SlowRansomware("slow-one", Once(SecondsAhead(5)));
        var file = await WriteAsync(_h.Folder, Catalogue(slow));
        await using var serve = ServeProcess.Start(_h.Folder, file);
        await serve.WaitForAsync(": attack 2/2:", TimeSpan.FromMinutes(2));

        // Declared while the drill runs; the reload answers once the new schedule is in force.
        var lateAt = SecondsAhead(4);
        await File.WriteAllTextAsync(file, Catalogue(slow + "\n" + KillDrill("late", Once(lateAt))));
        var reload = await CliProcess.RunAsync("reload", "--data-dir", _h.Folder);
        var stopped = serve.StopAsync(TimeSpan.FromMinutes(4));
        await serve.WaitForAsync("drills serve stopping", Minute);
        var stoppingSeenBeforeTheFire = DateTimeOffset.UtcNow < lateAt;
        var exit = await stopped;

        Assert.Equal(ExitCodes.Passed, reload.ExitCode);
        Assert.True(stoppingSeenBeforeTheFire, "the stop began before the fire came due");
        Assert.Equal(ExitCodes.Passed, exit);
        await AssertAtBaselineAsync(name, 18208);
        var runs = _h.Store.List(10);
        Assert.Equal(RunOutcome.Aborted, Assert.Single(runs, r => r.ScenarioId == "slow-one").Outcome);
        var late = Assert.Single(runs, r => r.ScenarioId == "late");
        Assert.Equal((RunOutcome.Skipped, lateAt), (late.Outcome, late.Origin.ScheduledForUtc));
        Assert.StartsWith("due while the service was stopping", late.SkipReason, StringComparison.Ordinal);
        Assert.True(File.Exists(late.ReportPath), "the skip has a report");
    }

    public Task InitializeAsync() => _h.RemoveLeftoversAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task AssertAtBaselineAsync(string name, int? port = null)
    {
        var files = await _h.ReadFilesAsync(name, "/srv/www");
        Assert.DoesNotContain(files.Keys, f => f.EndsWith(".locked", StringComparison.Ordinal) || f.EndsWith("README_RESTORE.txt", StringComparison.Ordinal));
        Assert.Contains("Cổng dịch vụ công", System.Text.Encoding.UTF8.GetString(files["www/index.html"]), StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri($"http://127.0.0.1:{port ?? (name.EndsWith("crash", StringComparison.Ordinal) ? 18205 : 18206)}/"))).StatusCode);
    }

    private string Load(string yaml)
    {
        _h.Load(yaml);
        return yaml;
    }
}
