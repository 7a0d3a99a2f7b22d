using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Engine;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Steps;
using static Drills.Orchestrator.Tests.Support.TestCatalogues;

namespace Drills.Orchestrator.Tests.Orchestrator.Engine;

/// <summary>The quiesce pair around the baseline snapshot: its order, and what each failure does to the drill.</summary>
public sealed class QuiesceTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private const string Before = "exec quiesce-before";
    private const string After = "exec quiesce-after";
    private const string Snapshot = "copy from /srv/www";
    private readonly EngineHarness _h = new();

    private static SystemDefinition QuiescedPortal() =>
        Portal() with { Quiesce = new QuiesceSpec(["quiesce-before"], ["quiesce-after"], TimeSpan.FromSeconds(60), Nowhere) };

    private static ScenarioDefinition KillAndStart() =>
        Scenario([new KillStep("SIGKILL", Nowhere)], [new StartStep(Nowhere)], verify: [new SystemChecksItem(Nowhere)]);

    /// <summary>The quiesce commands exit with these codes; every other command runs as usual.</summary>
    private void QuiesceExits(int before, int after) => _h.Runtime.ExecHook = (_, command) => command switch
    {
        ["quiesce-before"] => new ExecResult(before, "", before == 0 ? "" : "pg_ctl: could not stop server"),
        ["quiesce-after"] => new ExecResult(after, "", after == 0 ? "" : "pg_ctl: could not start server"),
        _ => null,
    };

    [Fact]
    public async Task Before_runs_ahead_of_the_snapshot_and_after_once_it_is_taken_all_before_the_attack()
    {
        _h.AddLabelledPortal();
        QuiesceExits(0, 0);

        var result = await _h.RunAsync(QuiescedPortal(), KillAndStart(), Tick);

        Assert.Equal(DrillEnd.Passed, result.End);
        var calls = _h.Runtime.Calls;
        var attack = calls.IndexOf($"kill {PortalName}");
        Assert.True(calls.IndexOf(Before) is >= 0 and var b && b < calls.IndexOf(Snapshot) && calls.IndexOf(Snapshot) < calls.IndexOf(After) && calls.IndexOf(After) < attack,
            "expected before, snapshot, after, attack in that order; calls were:\n" + string.Join("\n", calls));
        var marks = result.Record.Journal.Select(e => e.Mark).ToList();
        Assert.Equal(2, marks.Count(m => m is JournalMark.Quiesce));
        Assert.True(marks.LastIndexOf(JournalMark.Quiesce) < marks.IndexOf(JournalMark.Baseline));
        Assert.Contains(result.Record.Journal, e => e.Message.StartsWith("Quiesce 'before' done", StringComparison.Ordinal) && e.Detail == "quiesce-before: exit 0");
        Assert.Contains(result.Record.Journal, e => e.Message.StartsWith("Quiesce 'after' done", StringComparison.Ordinal));
        Assert.Contains("taken at rest", result.Record.Journal.Single(e => e.Mark is JournalMark.Baseline).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_runs_even_when_the_snapshot_fails_and_nothing_is_attacked()
    {
        _h.AddLabelledPortal();
        QuiesceExits(0, 0);
        _h.Runtime.CopyFromFailure = _ => new DockerOperationException("copy failed: disk full", "free space");

        var result = await _h.RunAsync(QuiescedPortal(), KillAndStart(), Tick);

        Assert.Equal(DrillEnd.NotStarted, result.End);
        Assert.Contains("copy failed", result.Record.AbortReason, StringComparison.Ordinal);
        Assert.True(_h.Runtime.Calls.IndexOf(Snapshot) < _h.Runtime.Calls.IndexOf(After), string.Join("\n", _h.Runtime.Calls));
        Assert.DoesNotContain($"kill {PortalName}", _h.Runtime.Calls);
        Assert.DoesNotContain(result.Record.Journal, e => e.Mark is JournalMark.AttackStart);
        Assert.False(result.Record.RolledBack);
    }

    [Fact]
    public async Task A_failing_before_aborts_the_drill_with_nothing_attacked_and_the_container_untouched()
    {
        _h.AddLabelledPortal();
        var files = _h.Files;
        QuiesceExits(1, 0);

        var result = await _h.RunAsync(QuiescedPortal(), KillAndStart(), Tick);

        Assert.Equal(DrillEnd.NotStarted, result.End);
        Assert.Equal(RunOutcome.Aborted, result.Record.Outcome);
        Assert.Contains("The quiesce 'before' command of system 'portal' exited 1: pg_ctl: could not stop server", result.Record.AbortReason, StringComparison.Ordinal);
        Assert.Contains(result.Record.Journal, e => e.Mark is JournalMark.Quiesce && e.Message.StartsWith("Quiesce 'before' FAILED (exit 1)", StringComparison.Ordinal));
        Assert.DoesNotContain(_h.Runtime.Calls, c => c is Snapshot or After || c.StartsWith("kill", StringComparison.Ordinal) || c.StartsWith("start", StringComparison.Ordinal));
        Assert.False(result.Record.RolledBack);
        Assert.Equal(ContainerStatus.Running, _h.Runtime.ByName(PortalName)!.Status);
        Assert.Equal(files, _h.Files);
    }

    [Fact]
    public async Task A_before_that_could_not_run_is_still_followed_by_after()
    {
        _h.AddLabelledPortal();
        _h.Runtime.ExecHook = (_, command) => command switch
        {
            ["quiesce-before"] => throw new DockerOperationException("exec stream broke", "check the engine"),
            _ => null,
        };

        var result = await _h.RunAsync(QuiescedPortal(), KillAndStart(), Tick);

        Assert.Equal(DrillEnd.NotStarted, result.End);
        Assert.Contains("quiesce 'before' command of system 'portal' could not run: exec stream broke", result.Record.AbortReason, StringComparison.Ordinal);
        Assert.Contains(After, _h.Runtime.Calls);
        Assert.DoesNotContain(Snapshot, _h.Runtime.Calls);
    }

    [Fact]
    public async Task A_failing_after_is_a_drill_error_that_rolls_the_target_back()
    {
        _h.AddLabelledPortal();
        var files = _h.Files;
        QuiesceExits(0, 1);

        var result = await _h.RunAsync(QuiescedPortal(), KillAndStart(), Tick);

        Assert.Equal(DrillEnd.StepError, result.End);
        Assert.Equal(RunOutcome.Aborted, result.Record.Outcome);
        Assert.Contains("The quiesce 'after' command of system 'portal' exited 1", result.Record.AbortReason, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Record.Journal, e => e.Mark is JournalMark.AttackStart);
        Assert.True(result.Record.RolledBack);
        Assert.Contains(result.Record.Journal, e => e.Mark is JournalMark.Rollback && e.Message.StartsWith("Rollback complete", StringComparison.Ordinal));
        Assert.Equal(ContainerStatus.Running, _h.Runtime.ByName(PortalName)!.Status);
        Assert.Equal(files, _h.Files);
    }

    [Fact]
    public async Task Without_quiesce_the_baseline_says_it_copied_live_data()
    {
        _h.AddLabelledPortal();

        var result = await _h.RunAsync(Portal(), KillAndStart(), Tick);

        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.DoesNotContain(result.Record.Journal, e => e.Mark is JournalMark.Quiesce);
        Assert.Contains("copied live (no quiesce declared)", result.Record.Journal.Single(e => e.Mark is JournalMark.Baseline).Detail, StringComparison.Ordinal);
    }

    public void Dispose() => _h.Dispose();
}
