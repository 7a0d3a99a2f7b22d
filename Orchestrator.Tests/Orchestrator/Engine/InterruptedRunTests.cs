using System.Text;
using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Tests.Support;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Steps;

namespace Drills.Orchestrator.Tests.Orchestrator.Engine;

/// <summary>A run a crash left "running" is closed by the next start: target rolled back, journal continued, run aborted.</summary>
public sealed class InterruptedRunTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);
    private readonly EngineHarness _h = new(sqlite: true);
    private readonly SystemDefinition _system = TestCatalogues.Portal();
    private readonly ScenarioDefinition _scenario = TestCatalogues.Scenario([new KillStep("SIGKILL", TestCatalogues.Nowhere)], [new RestartStep(TestCatalogues.Nowhere)]);

    [Fact]
    public async Task Run_interrupted_after_the_attack_gets_its_baseline_data_back_and_ends_aborted_with_its_journal_continued()
    {
        var container = _h.AddLabelledPortal();
        var original = _h.Files;
        var run = await CrashedRunAsync(container, attacked: true);
        var files = _h.Runtime.FilesOf(TestCatalogues.PortalName);
        files[TestCatalogues.IndexPath] = Encoding.UTF8.GetBytes("encrypted");
        files["/srv/www/README_RESTORE.txt"] = Encoding.UTF8.GetBytes("pay");
        container.Status = ContainerStatus.Exited;

        var recovered = await RecoverAsync(run, TestCatalogues.With(_system, _scenario));

        Assert.Equal(original, _h.Files);
        Assert.Equal(ContainerStatus.Running, container.Status);
        Assert.Equal((RunOutcome.Aborted, InterruptedRun.Reason, true), (recovered.Outcome, recovered.AbortReason, recovered.RolledBack));
        var stored = _h.Store.Find(run.RunId)!;
        Assert.Equal(RunOutcome.Aborted, stored.Outcome);
        Assert.Equal([JournalMark.Started, JournalMark.Baseline, JournalMark.AttackStart, JournalMark.Impact], stored.Journal.Take(4).Select(e => e.Mark));
        Assert.Equal((true, TimeSpan.FromSeconds(1)), (stored.ImpactObserved, stored.TimeToImpact));
        Assert.Equal([JournalMark.Aborted, JournalMark.Finished], stored.Journal.TakeLast(2).Select(e => e.Mark));
        Assert.Equal(Enumerable.Range(1, stored.Journal.Count), stored.Journal.Select(e => e.Sequence));
        Assert.Contains(stored.Journal, e => e.Message.StartsWith("Rollback complete", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_whose_attack_mark_was_lost_is_still_rolled_back_because_its_baseline_exists()
    {
        var container = _h.AddLabelledPortal();
        var original = _h.Files;
        var run = await CrashedRunAsync(container, attacked: false, baseline: true);
        _h.Runtime.FilesOf(TestCatalogues.PortalName)[TestCatalogues.IndexPath] = Encoding.UTF8.GetBytes("defaced");

        var recovered = await RecoverAsync(run, TestCatalogues.With(_system, _scenario));

        Assert.True(recovered.RolledBack);
        Assert.Equal(original, _h.Files);
    }

    [Fact]
    public async Task Run_whose_rollback_cannot_complete_stays_open_for_the_next_start()
    {
        var container = _h.AddLabelledPortal();
        var run = await CrashedRunAsync(container, attacked: true);
        await _h.Runtime.RemoveAsync(container.Id, CancellationToken.None);
        _h.Runtime.Images.Clear();

        var recovered = await RecoverAsync(run, TestCatalogues.With(_system, _scenario));

        Assert.Equal(RunOutcome.Running, recovered.Outcome);
        Assert.Equal(RunOutcome.Running, _h.Store.Find(run.RunId)!.Outcome);
        Assert.Contains(_h.Store.Find(run.RunId)!.Journal, e => e.Message == "Rollback did NOT complete");
    }

    [Fact]
    public async Task Run_whose_system_now_names_another_container_is_not_rolled_back_onto_that_container()
    {
        var container = _h.AddLabelledPortal();
        var run = await CrashedRunAsync(container, attacked: true);
        var renamed = TestCatalogues.Portal(name: "drills-renamed");
        _h.Runtime.Calls.Clear();

        var recovered = await RecoverAsync(run, TestCatalogues.With(renamed, _scenario));

        Assert.Empty(_h.Runtime.Calls);
        Assert.False(recovered.RolledBack);
        Assert.Contains(recovered.Journal, e => e.Message.Contains("now declared as container drills-renamed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_interrupted_before_the_attack_is_closed_without_touching_the_container()
    {
        var container = _h.AddLabelledPortal();
        var run = await CrashedRunAsync(container, attacked: false, baseline: false);
        _h.Runtime.Calls.Clear();

        var recovered = await RecoverAsync(run, TestCatalogues.With(_system, _scenario));

        Assert.Empty(_h.Runtime.Calls);
        Assert.Equal((RunOutcome.Aborted, false), (recovered.Outcome, recovered.RolledBack));
        Assert.Contains(recovered.Journal, e => e.Message == "The attack had not started: nothing to roll back");
    }

    [Fact]
    public async Task Run_whose_system_left_the_catalogue_is_closed_and_says_the_target_needs_repair()
    {
        var container = _h.AddLabelledPortal();
        var run = await CrashedRunAsync(container, attacked: true);
        var other = TestCatalogues.Portal(name: "drills-other") with { Id = "other" };

        var recovered = await RecoverAsync(run, TestCatalogues.With(other, _scenario with { SystemId = "other" }));

        Assert.False(recovered.RolledBack);
        Assert.Contains(recovered.Journal, e => e.Message.StartsWith("Rollback NOT possible: system portal is no longer in the catalogue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rollback_after_a_crash_is_bounded_by_the_limits_the_run_was_drilled_with_not_todays()
    {
        var container = _h.AddLabelledPortal();
        var run = await CrashedRunAsync(container, attacked: true) with
        {
            Limits = new RunLimits(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10), RollbackTimeout: TimeSpan.FromSeconds(20)),
        };
        // The system never becomes healthy again, so only the rollback's bound ends it.
        _h.Runtime.ExecHook = (_, command) => command is ["test", ..] ? new ExecResult(1, "", "") : null;
        var started = _h.Time.GetUtcNow();

        var recovered = await RecoverAsync(run, TestCatalogues.With(_system, _scenario));

        Assert.Equal(RunOutcome.Running, recovered.Outcome);
        Assert.Contains(recovered.Journal, e => e.Message == "Rollback did NOT complete");
        var took = _h.Time.GetUtcNow() - started;
        Assert.InRange(took, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40));
    }

    [Fact]
    public void A_drilled_run_keeps_its_limits_in_its_record()
    {
        var run = new DrillRun("r", TestCatalogues.With(_system, _scenario), _scenario, _system, new DrillClock(_h.Time))
        {
            Limits = new RunLimits(_scenario.ProbeInterval, _scenario.MaxDuration, TimeSpan.FromMinutes(3)),
        };

        _h.Store.Begin(run.ToRecord(RunOutcome.Running));

        Assert.Equal(run.Limits, _h.Store.Find("r")!.Limits);
    }

    public void Dispose() => _h.Dispose();

    /// <summary>What a process killed mid-drill leaves: a baseline on disk, a "running" record and its journal so far.</summary>
    private async Task<RunRecord> CrashedRunAsync(FakeContainer container, bool attacked, bool baseline = true)
    {
        var catalogue = TestCatalogues.With(_system, _scenario);
        var runId = RunIds.New(_h.Time.GetUtcNow());
        if (baseline)
        {
            await new DataPaths(_h.Runtime, new SnapshotStore(Path.Combine(_h.Folder, "snapshots")))
                .TakeBaselineAsync(runId, container.Id, _system.Data.Paths, CancellationToken.None);
        }

        var run = RunHeader.Of(runId, catalogue, _scenario, _system, _h.Time.GetUtcNow(), RunOutcome.Running) with
        {
            Owner = new RunOwner(Environment.MachineName, int.MaxValue, DateTimeOffset.UnixEpoch),
        };
        _h.Store.Begin(run);
        var journal = _h.Store.JournalFor(runId);
        var marks = attacked ? [JournalMark.Started, JournalMark.Baseline, JournalMark.AttackStart, JournalMark.Impact] : new[] { JournalMark.Started };
        for (var i = 0; i < marks.Length; i++)
        {
            journal.Append(new JournalEvent(i + 1, marks[i], _h.Time.GetUtcNow(), TimeSpan.FromSeconds(i), marks[i].ToString()));
        }

        return _h.Store.Find(runId)!;
    }

    private Task<RunRecord> RecoverAsync(RunRecord run, DrillCatalogue catalogue) =>
        _h.DriveAsync(() => _h.Engine().RecoverInterruptedAsync(catalogue, run, null, CancellationToken.None), Tick);
}
