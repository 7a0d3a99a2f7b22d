using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Tests.Orchestrator.Engine;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Steps;

using static Drills.Orchestrator.Tests.Support.TestCatalogues;

namespace Drills.Orchestrator.Tests.Orchestrator.Manual;

/// <summary>Manual restore steps in the engine, on the fake clock: waited for and confirmed, simulated, or never confirmed.</summary>
public sealed class ManualStepDrillTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(10);
    private static readonly ManualStep RestoreDns = new("Restore DNS records by hand", TimeSpan.FromHours(2), Nowhere);
    private readonly EngineHarness _h = new();

    [Fact]
    public async Task Waited_manual_step_holds_the_restore_until_confirmed_and_its_wait_is_measured()
    {
        _h.AddLabelledPortal();
        var scenario = Scenario([new KillStep("SIGKILL", Nowhere)], [new StartStep(Nowhere), RestoreDns],
            probeInterval: TimeSpan.FromSeconds(10));
        using var stop = new CancellationTokenSource();
        var operatorDone = ConfirmAfterAsync(TimeSpan.FromMinutes(30), "alice", stop.Token);

        var result = await _h.RunAsync(Portal(), scenario, Tick);
        await stop.CancelAsync();

        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.InRange(result.Record.RecoveryTime!.Value, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(32));
        Assert.Equal(TimeSpan.Zero, result.Record.DeclaredManualTime);
        var manual = result.Record.Steps.Single(s => s.Kind == "manual").Manual!;
        Assert.False(manual.Simulated);
        Assert.Equal("alice", manual.ConfirmedBy);
        Assert.Equal(await operatorDone, manual.ConfirmedAtUtc);
    }

    [Fact]
    public async Task Waiting_manual_step_tells_the_operator_the_exact_confirm_command_then_who_confirmed()
    {
        _h.AddLabelledPortal();
        var scenario = Scenario([new KillStep("SIGKILL", Nowhere)], [new StartStep(Nowhere), RestoreDns]);
        using var stop = new CancellationTokenSource();
        _ = ConfirmAfterAsync(TimeSpan.FromSeconds(30), "alice", stop.Token);

        var result = await _h.RunAsync(Portal(), scenario, Tick);
        await stop.CancelAsync();

        var waiting = Assert.Single(result.Record.Journal, e => e.Mark == JournalMark.ManualWaiting);
        Assert.Equal($"Waiting for operator: Restore DNS records by hand — confirm with: drills confirm {result.Record.RunId} 2", waiting.Message);
        var confirmed = Assert.Single(result.Record.Journal, e => e.Mark == JournalMark.ManualConfirmed);
        Assert.Equal("Confirmed by alice: Restore DNS records by hand", confirmed.Message);
    }

    [Fact]
    public async Task Manual_step_nobody_confirms_aborts_at_max_duration_names_the_step_and_rolls_back()
    {
        _h.AddLabelledPortal();
        var before = _h.Files;
        var scenario = Scenario([new DefaceStep(IndexPath, "<h1>Hacked</h1>", Nowhere)], [RestoreDns, new RestoreBackupStep(BackupSource.Baseline, Nowhere)],
            maxDuration: TimeSpan.FromMinutes(10), probeInterval: TimeSpan.FromSeconds(10));

        var result = await _h.RunAsync(Portal(), scenario, Tick);

        Assert.Equal(DrillEnd.StopCondition, result.End);
        Assert.True(result.Record.RolledBack);
        Assert.Contains("manual step 1 'Restore DNS records by hand' was not confirmed", result.Record.AbortReason, StringComparison.Ordinal);
        Assert.All(before, f => Assert.Equal(f.Value, _h.Files[f.Key]));
    }

    [Fact]
    public async Task Simulated_manual_step_counts_its_declared_time_apart_from_the_measured_time()
    {
        _h.AddLabelledPortal();
        var scenario = Scenario([new KillStep("SIGKILL", Nowhere)], [new StartStep(Nowhere), RestoreDns]);

        var result = await _h.RunAsync(Portal(), scenario, Tick, new DrillOptions { SimulateManual = true });

        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.True(result.Record.RecoveryTime < TimeSpan.FromMinutes(1), $"measured {result.Record.RecoveryTime}");
        Assert.Equal(TimeSpan.FromHours(2), result.Record.DeclaredManualTime);
        Assert.True(result.Record.Steps.Single(s => s.Kind == "manual").Manual!.Simulated);
        Assert.DoesNotContain(result.Record.Journal, e => e.Mark == JournalMark.ManualWaiting);
    }

    [Fact]
    public async Task Simulated_run_is_judged_on_measured_plus_declared_time()
    {
        _h.AddLabelledPortal();
        // The judgement is on measured plus declared time, whatever the measured part: max_duration leaves room for a busy
        // machine, on which the fake-clock driver steps time while the engine works between two timers.
        var scenario = Scenario([new KillStep("SIGKILL", Nowhere)], [new StartStep(Nowhere), RestoreDns with { Expected = TimeSpan.FromHours(5) }],
            maxDuration: TimeSpan.FromHours(3));

        var result = await _h.RunAsync(Portal(rto: TimeSpan.FromHours(4)), scenario, Tick, new DrillOptions { SimulateManual = true });

        Assert.Equal(DrillEnd.MissedTarget, result.End);
        Assert.False(result.Record.MetTarget);
        Assert.Contains(result.Record.Journal, e => e.Detail?.Contains("+ declared manual 5h (simulated, not measured) against target 4h", StringComparison.Ordinal) == true);
    }

    /// <summary>Plays the operator: once the step has waited <paramref name="after"/> on the drill's clock, confirms it. Returns when it confirmed.</summary>
    private async Task<DateTimeOffset> ConfirmAfterAsync(TimeSpan after, string by, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(1, CancellationToken.None);
            var runId = _h.Store.List(1) is [var run, ..] ? run.RunId : null;
            var waiting = runId is null ? null : _h.Store.ManualSteps(runId).FirstOrDefault(s => s.IsWaiting);
            var now = _h.Time.GetUtcNow();
            if (waiting is not null && now >= waiting.WaitingSinceUtc + after && _h.Store.Confirm(runId!, waiting.Step, new ManualConfirmation(now, by)))
            {
                return now;
            }
        }

        return default;
    }

    public void Dispose() => _h.Dispose();
}
