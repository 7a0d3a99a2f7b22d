using Drills.Reports.AfterAction;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Reports;

/// <summary>Reports of runs the scheduler made: why they ran when they did, and fires that did not run.</summary>
public sealed class ScheduledRunReportTests
{
    private readonly AfterActionReport _report = new();

    [Fact]
    public void Skipped_fire_says_so_in_both_languages_with_its_reason_and_claims_no_measurement()
    {
        var run = SampleRuns.Passed() with
        {
            Outcome = RunOutcome.Skipped,
            SkipReason = "missed while the service was down (2026-11-22 19:00:00 UTC); beyond the 1h grace period",
            Origin = new RunOrigin(RunTrigger.Schedule, SampleRuns.Start),
            RecoveryTime = null,
            ImpactObserved = false,
            Steps = [],
            Checks = [],
        };

        var html = _report.Render(run, SampleRuns.Context);

        Assert.Contains("Bỏ qua", html, StringComparison.Ordinal);
        Assert.Contains("This scheduled drill was skipped (missed while the service was down", html, StringComparison.Ordinal);
        Assert.Contains("Nothing was touched", html, StringComparison.Ordinal);
        Assert.Contains("There is no recovery evidence for this fire", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Recovery time (measured RTO)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("no observable impact", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Catch_up_run_shows_the_fire_it_stands_for_how_late_it_started_and_what_it_waited_for()
    {
        var run = SampleRuns.Passed() with
        {
            Origin = new RunOrigin(RunTrigger.CatchUp, SampleRuns.Start.AddMinutes(-20), TimeSpan.FromSeconds(42), "'portal-kill' on the same system (citizen-portal)"),
        };

        var html = _report.Render(run, SampleRuns.Context);

        Assert.Contains(SampleRuns.Both("Chạy bù cho lần hẹn bị lỡ", "Catch-up for a missed fire"), html, StringComparison.Ordinal);
        Assert.Contains("Scheduled for", html, StringComparison.Ordinal);
        Assert.Contains("Started late: 20 min", html, StringComparison.Ordinal);
        Assert.Contains("Waited for: &#39;portal-kill&#39; on the same system (citizen-portal)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void On_demand_run_says_it_was_started_on_demand_and_shows_no_schedule()
    {
        var html = _report.Render(SampleRuns.Passed(), SampleRuns.Context);

        Assert.Contains(SampleRuns.Both("Theo yêu cầu", "On demand"), html, StringComparison.Ordinal);
        Assert.DoesNotContain("Scheduled for", html, StringComparison.Ordinal);
    }
}
