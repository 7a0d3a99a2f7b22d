using Drills.Reports.AfterAction;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Reports;

/// <summary>Data loss, backups, readiness and cleanup as keyed corrective actions with an owner, re-tested by the next run.</summary>
public sealed class RecoveryFindingsTests
{
    [Fact]
    public void A_drill_within_its_rpo_from_an_agency_backup_that_left_nothing_behind_raises_no_action()
    {
        Assert.Empty(ImprovementPlan.Build(RecoveryRuns.LossMet(), null).Actions);
    }

    [Fact]
    public void Data_loss_beyond_rpo_target_and_backup_defects_are_each_an_action_owned_by_the_system_owner()
    {
        var run = RecoveryRuns.LossMissed() with { SystemOwner = "Phòng CNTT" };

        var plan = ImprovementPlan.Build(run, null);

        var rpo = Assert.Single(plan.Actions, a => a.Key == "data-loss-rpo");
        Assert.Equal("Phòng CNTT", rpo.Owner);
        Assert.Contains("a 900 ms window against the 500 ms rpo_target; 3 record(s) lost", rpo.Finding.En, StringComparison.Ordinal);
        Assert.Contains("cửa sổ 900 ms so với rpo_target 500 ms", rpo.Finding.Vi, StringComparison.Ordinal);
        Assert.Contains("lost 3 of 9 markers written 2026-11-22T19:00:00.200Z → 2026-11-22T19:00:00.600Z", rpo.Observation, StringComparison.Ordinal);
        var defects = Assert.Single(plan.Actions, a => a.Key == "backup-defects");
        Assert.Equal("m-01", defects.Observation);
    }

    [Fact]
    public void Recovery_from_the_drills_own_snapshot_is_a_warning_that_says_so_plainly()
    {
        var run = RecoveryRuns.Named("baseline");

        var action = Single(run, "restored-from-baseline");
        var finding = Assert.Single(Verdict.Findings(run), f => f.Text.En.StartsWith("Restored from the drill's own snapshot", StringComparison.Ordinal));

        Assert.StartsWith("Khôi phục từ bản chụp do chính cuộc diễn tập tạo, không phải từ bản sao lưu của cơ quan", action.Finding.Vi, StringComparison.Ordinal);
        Assert.Equal("warn", finding.Tone);
    }

    [Fact]
    public void A_fallback_to_the_offline_copy_names_the_copy_used_and_why()
    {
        var action = Single(RecoveryRuns.Named("fallback"), "backup-fallback");

        Assert.Contains($"Backup {RecoveryRuns.BackupId} (offline copy)", action.Finding.En, StringComparison.Ordinal);
        Assert.Equal($"{RecoveryRuns.BackupId} (offline): {RecoveryRuns.Refusal}", action.Observation);
    }

    [Fact]
    public void Something_found_and_not_removed_is_a_summary_gap_and_an_action_listing_it()
    {
        var run = RecoveryRuns.Named("leftovers");

        var action = Single(run, "cleanup-left-behind");

        Assert.Equal("h-2", action.Observation);
        Assert.Contains(Verdict.Findings(run), f => f.Tone == "bad" && f.Text.En.StartsWith("1 thing(s) the drill created", StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_the_gate_refused_has_one_action_per_failed_item_and_no_abort_action()
    {
        var plan = ImprovementPlan.Build(RecoveryRuns.Refused(), null);

        Assert.Equal(["readiness:backup", "readiness:disk"], plan.Actions.Select(a => a.Key));
        Assert.Equal("b-2", plan.Actions[0].Observation);
        Assert.Equal(new Bilingual("Chưa bắt đầu", "Not started"), Labels.Outcome(RecoveryRuns.Refused()));
    }

    [Fact]
    public void The_next_run_re_tests_each_action_fixed_when_it_did_not_recur()
    {
        var previous = RecoveryRuns.LossMissed() with { Cleanup = new(["h-2"], []) };

        var plan = ImprovementPlan.Build(RecoveryRuns.LossMet(), previous);

        Assert.All(plan.Retested, r => Assert.True(r.Fixed, r.Action.Key));
        Assert.Equal(["data-loss-rpo", "backup-defects", "cleanup-left-behind"], plan.Retested.Select(r => r.Action.Key));
    }

    [Fact]
    public void A_run_that_measured_no_data_loss_does_not_claim_the_data_loss_action_fixed()
    {
        var plan = ImprovementPlan.Build(OutcomeRuns.Passed(), RecoveryRuns.LossMissed());

        var retest = Assert.Single(plan.Retested, r => r.Action.Key == "data-loss-rpo");
        Assert.False(retest.Fixed);
        Assert.Equal(new Bilingual("lần diễn tập này không đo mất dữ liệu", "this drill did not measure data loss"), retest.NotRetested);
    }

    [Fact]
    public void A_gate_item_that_passes_next_time_is_fixed()
    {
        var plan = ImprovementPlan.Build(RecoveryRuns.LossMet(), RecoveryRuns.Refused());

        Assert.All(plan.Retested.Where(r => r.Action.Key.StartsWith("readiness:", StringComparison.Ordinal)), r => Assert.True(r.Fixed));
        Assert.Equal(2, plan.Retested.Count);
    }

    private static CorrectiveAction Single(RunRecord run, string key) =>
        Assert.Single(ImprovementPlan.Build(run, null).Actions, a => a.Key == key);
}
