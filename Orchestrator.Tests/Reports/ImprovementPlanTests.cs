using Drills.Reports.AfterAction;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Reports;

public sealed class ImprovementPlanTests
{
    private static readonly TimeSpan Target = TimeSpan.FromHours(4);

    [Fact]
    public void A_clean_passed_run_needs_no_corrective_action()
    {
        Assert.Empty(ImprovementPlan.Build(SampleRuns.Passed(), null).Actions);
    }

    [Fact]
    public void A_missed_target_names_the_overrun_and_the_slowest_restore_step()
    {
        var action = Single(Missed(), "target-missed");

        Assert.Contains("vượt mục tiêu 4 h thêm 1 h", action.Finding.Vi, StringComparison.Ordinal);
        Assert.Contains("missing the 4 h target by 1 h", action.Finding.En, StringComparison.Ordinal);
        Assert.Contains("Rút ngắn thời gian khôi phục", action.Action.Vi, StringComparison.Ordinal);
        Assert.Contains("Restore the baseline snapshot", action.Action.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_manual_time_that_made_the_target_fail_is_named_as_the_cause()
    {
        var run = SampleRuns.Passed() with
        {
            Outcome = RunOutcome.Failed,
            RecoveryTime = TimeSpan.FromHours(3),
            Steps = [.. SampleRuns.Passed().Steps, new StepResult("restore", 3, "manual", "manual: Restore DNS by hand (expected 2h)", true,
                TimeSpan.FromSeconds(3), TimeSpan.Zero, "simulated", new ManualOutcome("Restore DNS by hand", TimeSpan.FromHours(2), Simulated: true))],
        };

        var plan = ImprovementPlan.Build(run, null);
        var missed = Single(run, "target-missed");

        Assert.Contains("nằm trong mục tiêu", missed.Finding.Vi, StringComparison.Ordinal);
        Assert.Contains("Restore DNS by hand", missed.Action.En, StringComparison.Ordinal);
        Assert.Contains(plan.Actions, a => a.Key == "manual-simulated");
    }

    [Fact]
    public void A_passed_run_close_to_its_target_is_a_finding()
    {
        var run = SampleRuns.Passed() with { RecoveryTime = TimeSpan.FromHours(3.5) };

        var action = Single(run, "target-near");

        Assert.Contains("88%", action.Finding.En, StringComparison.Ordinal);
        Assert.Contains("sát ngưỡng", action.Finding.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_that_never_recovered_has_an_action_and_one_per_check_left_failing()
    {
        var run = SampleRuns.Passed() with
        {
            Outcome = RunOutcome.Failed,
            RecoveryTime = null,
            VerificationPassed = false,
            Checks =
            [
                new("attack", "http http://127.0.0.1:18080/health → 200", false, TimeSpan.FromSeconds(1), "500"),
                new("restore", "http http://127.0.0.1:18080/health → 200", false, TimeSpan.FromSeconds(2), "503 Service Unavailable"),
                new("restore", "tcp 127.0.0.1:18080", true, TimeSpan.FromSeconds(2), "connected"),
                new("restore", "integrity (SHA-256 manifest of data paths)", false, TimeSpan.FromSeconds(2), "3 files differ: /srv/www/index.html"),
            ],
        };

        var keys = ImprovementPlan.Build(run, null).Actions.Select(a => a.Key).ToList();

        Assert.Equal(["not-recovered", "check:http http://127.0.0.1:18080/health → 200", "integrity"], keys);
        Assert.Equal("503 Service Unavailable", Single(run, "check:http http://127.0.0.1:18080/health → 200").Observation);
        Assert.Equal("3 files differ: /srv/www/index.html", Single(run, "integrity").Observation);
    }

    [Fact]
    public void A_check_that_recovered_by_the_end_raises_nothing()
    {
        // The sample's page check fails six polls after the restore began, then passes.
        Assert.DoesNotContain(ImprovementPlan.Build(SampleRuns.Passed(), null).Actions, a => a.Key.StartsWith("check:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_recovered_run_that_failed_verification_has_its_own_action()
    {
        var run = SampleRuns.Passed() with { Outcome = RunOutcome.Failed, VerificationPassed = false };

        Assert.Contains(ImprovementPlan.Build(run, null).Actions, a => a.Key == "verification-failed");
    }

    [Theory]
    [InlineData("restore", "restore-backup", "step:restore-backup", "3-2-1")]
    [InlineData("restore", "restart", "step:restart", "restart")]
    [InlineData("restore", "redeploy", "step:redeploy", "golden image")]
    [InlineData("restore", "exec", "step:exec", "exit code")]
    [InlineData("restore", "manual", "step:manual", "on call")]
    [InlineData("attack", "encrypt-files", "step:attack:encrypt-files", "reproduces the threat")]
    public void A_failed_step_has_an_action_for_its_kind(string phase, string kind, string key, string advice)
    {
        var run = SampleRuns.Passed() with
        {
            Outcome = RunOutcome.Aborted,
            AbortReason = "could not restore",
            RolledBack = true,
            Steps = [new StepResult(phase, 1, kind, $"{kind} step", false, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), "checksum mismatch")],
        };

        var action = Single(run, key);

        Assert.Contains(advice, action.Action.En, StringComparison.Ordinal);
        Assert.Equal("checksum mismatch", action.Observation);
        Assert.Contains("không thành công", action.Finding.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interrupted_step_is_not_a_failed_step()
    {
        var run = SampleRuns.Aborted() with
        {
            Steps = [new StepResult("restore", 1, "wait", "wait 1h", false, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), StepResult.InterruptedObservation)],
        };

        Assert.DoesNotContain(ImprovementPlan.Build(run, null).Actions, a => a.Key.StartsWith("step:", StringComparison.Ordinal));
    }

    [Fact]
    public void An_attack_without_observable_impact_is_a_finding()
    {
        var action = Single(SampleRuns.WithoutImpact(), "no-impact");

        Assert.Contains("Rà soát kịch bản", action.Action.Vi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max_duration 10m exceeded before the system was verified", "aborted:max-duration")]
    [InlineData("max_duration 10m exceeded before the system was verified (restore step 2 was not confirmed)", "aborted:manual-unconfirmed")]
    [InlineData("cancelled by the operator", "aborted:cancelled")]
    [InlineData("cancelled: the scheduler service was stopped", "aborted:cancelled")]
    [InlineData("orchestrator restarted", "aborted:restarted")]
    [InlineData("internal error: boom", "aborted:internal-error")]
    [InlineData("Restore of /srv/www failed: checksum mismatch", "aborted:error")]
    public void An_abort_is_keyed_by_its_class_and_keeps_its_reason(string reason, string key)
    {
        var run = SampleRuns.Aborted() with { AbortReason = reason };

        var action = Single(run, key);

        Assert.Equal(reason, action.Observation);
        Assert.Contains(reason, action.Finding.En, StringComparison.Ordinal);
    }

    [Fact]
    public void An_abort_before_the_attack_is_an_environment_finding_without_rollback_action()
    {
        var run = NotStarted();

        var keys = ImprovementPlan.Build(run, null).Actions.Select(a => a.Key).ToList();

        Assert.Equal(["aborted:before-attack"], keys);
    }

    [Fact]
    public void A_failed_rollback_asks_for_drills_recover_with_the_run_id()
    {
        var run = SampleRuns.Aborted() with
        {
            RolledBack = false,
            Journal = [.. SampleRuns.Aborted().Journal, new JournalEvent(20, JournalMark.Rollback, SampleRuns.Start, TimeSpan.FromSeconds(9),
                "Rollback did NOT complete: the target may need manual repair", "container drills-citizen-portal is gone")],
        };

        var action = Single(run, "rollback-failed");

        Assert.Contains($"drills recover {run.RunId}", action.Action.En, StringComparison.Ordinal);
        Assert.Contains("container drills-citizen-portal is gone", action.Observation, StringComparison.Ordinal);
    }

    [Fact]
    public void Journal_findings_are_raised_stale_baseline_container_drift_and_a_failed_quiesce()
    {
        var run = SampleRuns.Passed() with
        {
            Journal =
            [
                .. SampleRuns.Passed().Journal,
                Note(JournalMark.Note, "Warning: container drills-citizen-portal differs from the catalogue: image drills/portal:0 (declared drills/portal:1)"),
                Note(JournalMark.Quiesce, "Quiesce 'before' TIMED OUT in 30s"),
                Note(JournalMark.Rollback, "Rollback waits for an operator: its baseline was taken 2d ago"),
            ],
        };

        var keys = ImprovementPlan.Build(run, null).Actions.Select(a => a.Key).ToList();

        Assert.Equal(["stale-baseline", "container-drift", "quiesce:before"], keys);
        Assert.Equal("its baseline was taken 2d ago", Single(run, "stale-baseline").Observation);
    }

    [Fact]
    public void A_skipped_fire_asks_for_a_catch_up_run()
    {
        var run = Skipped();

        var action = Assert.Single(ImprovementPlan.Build(run, null).Actions);

        Assert.Equal("skipped", action.Key);
        Assert.Contains("bị lỡ khi dịch vụ ngừng hoạt động", action.Finding.Vi, StringComparison.Ordinal);
        Assert.Contains("drills run portal-ransomware", action.Action.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Owner_is_the_system_owner_then_the_agency_then_to_be_assigned()
    {
        var run = Missed();

        Assert.Equal("Phòng CNTT", ImprovementPlan.Build(run with { SystemOwner = "Phòng CNTT" }, null).Actions[0].Owner);
        Assert.Equal(run.Agency, ImprovementPlan.Build(run, null).Actions[0].Owner);
        Assert.Equal("Chưa phân công / To be assigned", ImprovementPlan.Build(run with { Agency = " " }, null).Actions[0].Owner);
    }

    [Fact]
    public void Previous_actions_not_raised_again_are_fixed_and_recurring_ones_still_open()
    {
        var previous = Missed() with { RunId = "prev", ImpactObserved = false, TimeToImpact = null };
        var current = Missed() with { RunId = "now" };

        var retested = ImprovementPlan.Build(current, previous).Retested;

        Assert.Equal(["target-missed", "no-impact"], retested.Select(r => r.Action.Key));
        Assert.All(retested, r => Assert.Equal("prev", r.FromRunId));
        Assert.False(retested[0].Fixed);
        Assert.True(retested[1].Fixed);
        Assert.Equal("Vẫn còn tồn tại / Still open", retested[0].Status.ToString());
        Assert.Equal("Đã khắc phục / Fixed", retested[1].Status.ToString());
        Assert.All(retested, r => Assert.Null(r.NotRetested));
    }

    [Fact]
    public void A_run_aborted_before_the_attack_does_not_re_test_recovery_findings()
    {
        var previous = Missed() with { RunId = "prev" };

        var retested = Assert.Single(ImprovementPlan.Build(NotStarted(), previous).Retested);

        Assert.False(retested.Fixed);
        Assert.Equal("this drill was aborted before the attack", retested.NotRetested?.En);
        Assert.Equal("Chưa được kiểm tra lại / Not re-tested", retested.Status.ToString());
    }

    [Fact]
    public void A_skipped_fire_re_tests_nothing()
    {
        var previous = Missed() with { RunId = "prev" };

        var retested = Assert.Single(ImprovementPlan.Build(Skipped(), previous).Retested);

        Assert.NotNull(retested.NotRetested);
    }

    [Fact]
    public void A_finding_that_recurs_is_still_open_even_in_a_run_that_stopped_early()
    {
        var previous = NotStarted() with { RunId = "prev" };

        var retested = Assert.Single(ImprovementPlan.Build(NotStarted(), previous).Retested);

        Assert.Equal("aborted:before-attack", retested.Action.Key);
        Assert.False(retested.Fixed);
        Assert.Null(retested.NotRetested);
    }

    [Fact]
    public void A_failed_rollback_is_re_tested_only_by_a_run_that_rolled_back()
    {
        var previous = SampleRuns.Aborted() with { RunId = "prev", RolledBack = false };

        var byPassed = ImprovementPlan.Build(SampleRuns.Passed(), previous).Retested.Single(r => r.Action.Key == "rollback-failed");
        var rolledBack = SampleRuns.Aborted() with
        {
            Journal = [.. SampleRuns.Aborted().Journal, Note(JournalMark.Rollback, "Rollback complete: every check passes")],
        };
        var byAborted = ImprovementPlan.Build(rolledBack, previous).Retested.Single(r => r.Action.Key == "rollback-failed");

        Assert.NotNull(byPassed.NotRetested);
        Assert.True(byAborted.Fixed);
    }

    [Fact]
    public void A_failed_step_is_re_tested_only_by_a_run_that_ran_that_step()
    {
        var failedBackup = new StepResult("restore", 1, "restore-backup", "restore-backup baseline", false, TimeSpan.Zero, TimeSpan.Zero, "checksum mismatch");
        var previous = SampleRuns.Passed() with { RunId = "prev", Outcome = RunOutcome.Failed, Steps = [failedBackup] };
        var withoutBackup = SampleRuns.Passed() with { Steps = [SampleRuns.Passed().Steps[2]] };

        Assert.True(ImprovementPlan.Build(SampleRuns.Passed(), previous).Retested.Single(r => r.Action.Key == "step:restore-backup").Fixed);
        Assert.NotNull(ImprovementPlan.Build(withoutBackup, previous).Retested.Single(r => r.Action.Key == "step:restore-backup").NotRetested);
    }

    [Fact]
    public void Without_a_previous_run_nothing_is_re_tested()
    {
        Assert.Empty(ImprovementPlan.Build(Missed(), null).Retested);
    }

    private static CorrectiveAction Single(RunRecord run, string key) =>
        Assert.Single(ImprovementPlan.Build(run, null).Actions, a => a.Key == key);

    private static RunRecord Missed() => SampleRuns.Passed() with
    {
        Outcome = RunOutcome.Failed,
        RecoveryTime = Target + TimeSpan.FromHours(1),
        RtoTarget = Target,
    };

    private static RunRecord NotStarted() => SampleRuns.Passed() with
    {
        Outcome = RunOutcome.Aborted,
        RecoveryTime = null,
        VerificationPassed = false,
        ImpactObserved = false,
        TimeToImpact = null,
        AbortReason = "Docker is not reachable at unix:///var/run/docker.sock",
        Steps = [],
        Checks = [],
        Journal = [Note(JournalMark.Started, "Drill portal-ransomware against citizen-portal (drills-citizen-portal) started"), Note(JournalMark.Aborted, "Not started: nothing was attacked")],
    };

    private static RunRecord Skipped() => SampleRuns.Passed() with
    {
        Outcome = RunOutcome.Skipped,
        RecoveryTime = null,
        VerificationPassed = false,
        SkipReason = "missed while the service was down",
        Steps = [],
        Checks = [],
        Journal = [Note(JournalMark.Note, "Skipped: missed while the service was down")],
    };

    private static JournalEvent Note(JournalMark mark, string message) =>
        new(99, mark, SampleRuns.Start, TimeSpan.FromSeconds(5), message);
}
