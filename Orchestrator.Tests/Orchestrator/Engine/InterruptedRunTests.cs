using System.Text;
using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Tests.Support;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Loading;
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
        _h.Store.Checkpoint(run);
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

    [Fact]
    public async Task Baseline_older_than_the_bound_is_not_restored_without_an_operator_and_the_run_stays_open()
    {
        var container = _h.AddLabelledPortal();
        var run = await CrashedRunAsync(container, attacked: true);
        Encrypt();
        _h.Time.Advance(TimeSpan.FromHours(25));

        var first = await RecoverWithAsync(run, Catalogue, RecoveryConsent.Automatic);
        var second = await RecoverWithAsync(_h.Store.Find(run.RunId)!, Catalogue, RecoveryConsent.Automatic);

        Assert.Contains("more than 24h", first.WaitsForOperator, StringComparison.Ordinal);
        Assert.Equal(first.WaitsForOperator, second.WaitsForOperator);
        var stored = _h.Store.Find(run.RunId)!;
        Assert.Equal(RunOutcome.Running, stored.Outcome);
        Assert.Equal("encrypted", IndexText());
        Assert.Single(stored.Journal, e => e.Message.StartsWith(StaleBaseline.NotePrefix, StringComparison.Ordinal));
        Assert.Contains(stored.Journal, e => e.Detail?.Contains($"drills recover {run.RunId} --confirm", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Baseline_with_a_later_finished_run_of_the_system_is_not_restored_without_an_operator()
    {
        var container = _h.AddLabelledPortal();
        var run = await CrashedRunAsync(container, attacked: true);
        Encrypt();
        _h.Time.Advance(TimeSpan.FromMinutes(5));
        var later = RunHeader.Of(RunIds.New(_h.Time.GetUtcNow()), Catalogue, _scenario, _system, _h.Time.GetUtcNow(), RunOutcome.Passed);
        _h.Store.Begin(later);

        var result = await RecoverWithAsync(run, Catalogue, RecoveryConsent.Automatic);

        Assert.Contains($"a later run of portal ({later.RunId}, passed)", result.WaitsForOperator, StringComparison.Ordinal);
        Assert.True(result.StillOpen);
        Assert.Equal("encrypted", IndexText());
    }

    [Fact]
    public async Task Operator_confirmation_restores_an_old_baseline_and_closes_the_run()
    {
        var container = _h.AddLabelledPortal();
        var original = _h.Files;
        var run = await CrashedRunAsync(container, attacked: true);
        Encrypt();
        _h.Time.Advance(TimeSpan.FromDays(3));

        var result = await RecoverWithAsync(run, Catalogue, RecoveryConsent.RestoreBaseline);

        Assert.Equal((RunOutcome.Aborted, true, null), (result.Record.Outcome, result.Record.RolledBack, result.WaitsForOperator));
        Assert.Equal(original, _h.Files);
        Assert.Contains(result.Record.Journal, e => e.Detail?.Contains("confirmed by", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Keep_data_closes_the_run_with_the_container_running_and_its_data_as_the_operator_left_it()
    {
        var container = _h.AddLabelledPortal();
        var run = await CrashedRunAsync(container, attacked: true);
        _h.Runtime.FilesOf(TestCatalogues.PortalName)[TestCatalogues.IndexPath] = Encoding.UTF8.GetBytes("<h1>Portal</h1> repaired by hand");
        container.Status = ContainerStatus.Exited;
        _h.Time.Advance(TimeSpan.FromDays(3));

        var result = await RecoverWithAsync(run, Catalogue, RecoveryConsent.KeepData);

        Assert.Equal((RunOutcome.Aborted, false), (result.Record.Outcome, result.Record.RolledBack));
        Assert.Equal(ContainerStatus.Running, container.Status);
        Assert.Equal("<h1>Portal</h1> repaired by hand", IndexText());
    }

    [Fact]
    public async Task Run_is_rolled_back_as_its_system_was_declared_when_drilled_even_when_no_catalogue_loads_now()
    {
        var container = _h.AddLabelledPortal();
        var original = _h.Files;
        var drilled = CatalogueLoader.LoadText(KeptYaml, "kept.yaml").Catalogue!;
        _h.Store.KeepCatalogue(drilled.Sha256, drilled.SourcePath, drilled.Text);
        var run = await CrashedRunAsync(container, attacked: true, drilledWith: drilled);
        Encrypt();

        var result = await RecoverWithAsync(run, current: null, RecoveryConsent.Automatic);

        Assert.Equal((RunOutcome.Aborted, true), (result.Record.Outcome, result.Record.RolledBack));
        Assert.Equal(original, _h.Files);
    }

    [Fact]
    public async Task Run_without_a_kept_catalogue_and_none_loading_now_stays_open_untouched()
    {
        var container = _h.AddLabelledPortal();
        var run = await CrashedRunAsync(container, attacked: true);
        Encrypt();
        _h.Runtime.Calls.Clear();

        var result = await RecoverWithAsync(run, current: null, RecoveryConsent.Automatic);

        Assert.Empty(_h.Runtime.Calls);
        Assert.False(result.Record.RolledBack);
        Assert.Contains(result.Record.Journal, e => e.Message.StartsWith("Rollback NOT possible now: the catalogue the run was drilled with was not kept", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Drill_whose_final_write_failed_is_closed_from_its_kept_outcome_and_never_rolled_back()
    {
        var container = _h.AddLabelledPortal();
        var run = await CrashedRunAsync(container, attacked: true);
        var ended = run with { Outcome = RunOutcome.Passed, EndedAtUtc = _h.Time.GetUtcNow(), Journal = [.. run.Journal, new JournalEvent(run.Journal.Count + 1, JournalMark.Finished, _h.Time.GetUtcNow(), TimeSpan.FromSeconds(9), "Drill finished: Passed")] };
        await KeptOutcome.SaveAsync(new SnapshotStore(Path.Combine(_h.Folder, "snapshots")), ended, CancellationToken.None);
        _h.Runtime.FilesOf(TestCatalogues.PortalName)[TestCatalogues.IndexPath] = Encoding.UTF8.GetBytes("written after the drill");
        _h.Runtime.Calls.Clear();

        var result = await RecoverWithAsync(run, Catalogue, RecoveryConsent.Automatic);

        Assert.Empty(_h.Runtime.Calls);
        Assert.Equal("written after the drill", IndexText());
        var stored = _h.Store.Find(run.RunId)!;
        Assert.Equal((RunOutcome.Passed, RunOutcome.Passed), (result.Record.Outcome, stored.Outcome));
        Assert.Equal(JournalMark.Finished, stored.Journal[^1].Mark);
    }

    [Fact]
    public async Task Drill_that_died_between_its_quiesce_before_and_after_has_after_run_by_recovery()
    {
        var container = _h.AddLabelledPortal();
        var quiesced = _system with { Quiesce = new QuiesceSpec(["quiesce-before"], ["quiesce-after"], TimeSpan.FromSeconds(60), TestCatalogues.Nowhere) };
        var catalogue = TestCatalogues.With(quiesced, _scenario);
        var run = await CrashedRunAsync(container, attacked: false, baseline: false, drilledWith: catalogue);
        _h.Store.JournalFor(run.RunId).Append(new JournalEvent(2, JournalMark.Quiesce, _h.Time.GetUtcNow(), TimeSpan.FromSeconds(1), "Quiesce 'before' done in 1s", "quiesce-before: exit 0"));
        _h.Runtime.Calls.Clear();

        var result = await RecoverWithAsync(_h.Store.Find(run.RunId)!, catalogue, RecoveryConsent.Automatic);

        Assert.Contains("exec quiesce-after", _h.Runtime.Calls);
        Assert.Equal(RunOutcome.Aborted, result.Record.Outcome);
        Assert.Contains(result.Record.Journal, e => e.Message == "Quiesce 'after' run by recovery: done");
    }

    [Fact]
    public async Task Run_whose_journal_says_it_ended_but_whose_outcome_was_never_saved_waits_for_an_operator()
    {
        var container = _h.AddLabelledPortal();
        var run = await CrashedRunAsync(container, attacked: true);
        _h.Store.JournalFor(run.RunId).Append(new JournalEvent(run.Journal.Count + 1, JournalMark.Finished, _h.Time.GetUtcNow(), TimeSpan.FromSeconds(9), "Drill finished: Passed"));
        _h.Runtime.FilesOf(TestCatalogues.PortalName)[TestCatalogues.IndexPath] = Encoding.UTF8.GetBytes("<h1>Portal</h1> new records");

        var result = await RecoverWithAsync(_h.Store.Find(run.RunId)!, Catalogue, RecoveryConsent.Automatic);

        Assert.Contains("its journal says it ended ('Drill finished: Passed')", result.WaitsForOperator, StringComparison.Ordinal);
        Assert.Equal("<h1>Portal</h1> new records", IndexText());
    }

    [Fact]
    public async Task Run_that_ended_after_it_was_listed_is_left_as_it_ended()
    {
        var container = _h.AddLabelledPortal();
        var listed = await CrashedRunAsync(container, attacked: true);
        _h.Store.Complete(listed with { Outcome = RunOutcome.Passed });
        _h.Runtime.Calls.Clear();

        var result = await RecoverWithAsync(listed, Catalogue, RecoveryConsent.Automatic);

        Assert.True(result.AlreadyClosed);
        Assert.Empty(_h.Runtime.Calls);
        Assert.Equal(RunOutcome.Passed, _h.Store.Find(listed.RunId)!.Outcome);
    }

    [Fact]
    public async Task Baseline_taken_later_than_the_clock_says_it_is_now_is_stale()
    {
        var container = _h.AddLabelledPortal();
        var run = await CrashedRunAsync(container, attacked: true);

        var reason = StaleBaseline.Reason(run, _h.Store, _h.Time.GetUtcNow() - TimeSpan.FromHours(3), TimeSpan.FromHours(24));

        Assert.Contains("later than this machine's clock says it is now", reason, StringComparison.Ordinal);
    }

    private const string KeptYaml = """
        version: 1
        systems:
          portal:
            title: Test portal
            agency: Test agency
            security_level: 3
            container:
              image: drills/portal:1
              name: drills-test-portal
              ports: ["127.0.0.1:18999:8080"]
            checks:
              - http: http://127.0.0.1:18999/
                contains: Portal
              - exec: ["test", "-s", "/srv/www/index.html"]
            data:
              paths: [/srv/www]
        scenarios:
          test-scenario:
            title: Test scenario
            system: portal
            attack:
              - kill: {}
            restore:
              - restart: {}
        """;

    private DrillCatalogue Catalogue => TestCatalogues.With(_system, _scenario);

    private void Encrypt() => _h.Runtime.FilesOf(TestCatalogues.PortalName)[TestCatalogues.IndexPath] = Encoding.UTF8.GetBytes("encrypted");

    private string IndexText() => Encoding.UTF8.GetString(_h.Runtime.FilesOf(TestCatalogues.PortalName)[TestCatalogues.IndexPath]);

    public void Dispose() => _h.Dispose();

    /// <summary>What a process killed mid-drill leaves: a baseline on disk, a "running" record and its journal so far.</summary>
    private async Task<RunRecord> CrashedRunAsync(FakeContainer container, bool attacked, bool baseline = true, DrillCatalogue? drilledWith = null)
    {
        var catalogue = drilledWith ?? TestCatalogues.With(_system, _scenario);
        var runId = RunIds.New(_h.Time.GetUtcNow());
        if (baseline)
        {
            await new DataPaths(_h.Runtime, new SnapshotStore(Path.Combine(_h.Folder, "snapshots")))
                .TakeBaselineAsync(runId, container.Id, _system.Data.Paths, CancellationToken.None);
        }

        var run = RunHeader.Of(runId, catalogue, catalogue.Scenarios[_scenario.Id], catalogue.Systems[_system.Id], _h.Time.GetUtcNow(), RunOutcome.Running) with
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

    private async Task<RunRecord> RecoverAsync(RunRecord run, DrillCatalogue? catalogue) =>
        (await RecoverWithAsync(run, catalogue, RecoveryConsent.Automatic)).Record;

    private Task<RecoveryResult> RecoverWithAsync(RunRecord run, DrillCatalogue? current, RecoveryConsent consent) =>
        _h.DriveAsync(() => _h.Engine().RecoverInterruptedAsync(current, run, consent, null, CancellationToken.None), Tick);
}
