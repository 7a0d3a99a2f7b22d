using Drills.Reports.AfterAction;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Reports;

/// <summary>Manual steps in the report: declared time never hides inside measured time.</summary>
public sealed class ManualStepReportTests
{
    private static readonly DateTimeOffset ConfirmedAt = SampleRuns.Start.AddMinutes(42);
    private readonly AfterActionReport report = new();

    [Fact]
    public void Simulated_manual_step_shows_declared_time_apart_from_measured_time_and_labels_their_sum()
    {
        var html = report.Render(WithManual(simulated: true, TimeSpan.FromHours(2)), SampleRuns.Context);

        Assert.Contains("Recovery time (measured RTO)</span></th><td class=\"value tone-neutral\">2.4 s<", html, StringComparison.Ordinal);
        Assert.Contains("Declared manual time (not measured)</span></th><td class=\"value tone-warn\">2 h<", html, StringComparison.Ordinal);
        Assert.Contains(SampleRuns.Both("Tổng: đo được + khai báo", "Total: measured + declared") + "</th><td class=\"value tone-good\">2 h 0 min<", html, StringComparison.Ordinal);
        Assert.Contains(">+ 2 h<", html, StringComparison.Ordinal);
        Assert.Contains("Simulated: counted at the declared 2 h, not measured", html, StringComparison.Ordinal);
        Assert.Contains("Measured + declared time is within the target.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdict_of_a_simulated_run_rests_on_measured_plus_declared_and_says_so()
    {
        var html = report.Render(WithManual(simulated: true, TimeSpan.FromHours(5)) with { Outcome = RunOutcome.Failed }, SampleRuns.Context);

        Assert.Contains("The system recovered in 2.4 s measured + 5 h declared for simulated manual steps (measured + declared: 5 h 0 min), exceeding its 4 h target.", html, StringComparison.Ordinal);
        Assert.Contains("(đo được + khai báo: 5 h 0 min)", html, StringComparison.Ordinal);
        Assert.Contains("Recovery missed the target by 1 h 0 min", html, StringComparison.Ordinal);
        Assert.Contains("Manual steps were simulated at their declared duration, not measured", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirmed_manual_step_names_who_confirmed_when_and_that_the_wait_was_measured()
    {
        var html = report.Render(WithManual(simulated: false, TimeSpan.FromHours(2)), SampleRuns.Context);

        Assert.Contains("Confirmed by alice at 2026-11-23 02:42:00 +07:00 (UTC 2026-11-22T19:42:00.000Z)", html, StringComparison.Ordinal);
        Assert.Contains("waited 40 min, part of the measured time", html, StringComparison.Ordinal);
        Assert.Contains("Operator wait (measured)</span></th><td class=\"value tone-neutral\">40 min<", html, StringComparison.Ordinal);
        Assert.Contains("the clock kept running while waiting for confirmation", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Declared manual time", html, StringComparison.Ordinal);
    }

    private static RunRecord WithManual(bool simulated, TimeSpan expected)
    {
        var run = SampleRuns.Passed();
        var manual = simulated
            ? new ManualOutcome("Restore DNS records by hand", expected, Simulated: true)
            : new ManualOutcome("Restore DNS records by hand", expected, Simulated: false, ConfirmedAt, "alice");
        var step = new StepResult("restore", 3, "manual", "manual: Restore DNS records by hand (expected 2h)", true,
            TimeSpan.FromSeconds(2.9), simulated ? TimeSpan.Zero : TimeSpan.FromMinutes(40), "done", manual);
        return run with { Steps = [.. run.Steps, step] };
    }
}
