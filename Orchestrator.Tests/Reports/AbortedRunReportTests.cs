using Drills.Reports.AfterAction;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Reports;

/// <summary>An aborted drill's report tells what was cut short, not what "failed", in both languages.</summary>
public sealed class AbortedRunReportTests
{
    private readonly AfterActionReport _report = new();

    [Fact]
    public void Step_cut_short_by_the_abort_is_interrupted_not_failed_and_verification_was_not_performed()
    {
        var run = SampleRuns.Aborted() with
        {
            AbortReason = "cancelled: the scheduler service was stopped",
            RecoveryTime = null,
            VerificationPassed = false,
            Steps = [new("restore", 1, "wait", "wait 3s", false, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), "interrupted")],
        };

        var html = _report.Render(run, SampleRuns.Context);

        Assert.Contains(SampleRuns.Both("Gián đoạn", "Interrupted"), html, StringComparison.Ordinal);
        Assert.Contains("was interrupted when the drill was aborted: wait 3s", html, StringComparison.Ordinal);
        Assert.DoesNotContain("failed: wait 3s", html, StringComparison.Ordinal);
        Assert.Contains(SampleRuns.Both("Không thực hiện", "Not performed"), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Drill_stopped_before_its_attack_says_nothing_was_attacked_and_raises_no_rollback_alarm()
    {
        var run = SampleRuns.Aborted() with
        {
            AbortReason = "cancelled: the scheduler service was stopped",
            RolledBack = false,
            ImpactObserved = false,
            TimeToImpact = null,
            Steps = [],
            Journal = [new(1, JournalMark.Started, SampleRuns.Start, TimeSpan.Zero, "Drill started"), new(2, JournalMark.Aborted, SampleRuns.Start, TimeSpan.FromSeconds(1), "Aborted")],
        };

        var html = _report.Render(run, SampleRuns.Context);

        Assert.Contains("before the attack began; nothing was attacked, so nothing needed rolling back", html, StringComparison.Ordinal);
        Assert.Contains(SampleRuns.Both("Không cần: chưa tấn công", "Not needed: no attack was made"), html, StringComparison.Ordinal);
        Assert.DoesNotContain("check it now", html, StringComparison.Ordinal);
        Assert.DoesNotContain("The target was not rolled back", html, StringComparison.Ordinal);
        Assert.DoesNotContain("no observable impact", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orchestrator restarted", "bộ điều phối đã khởi động lại giữa chừng")]
    [InlineData("cancelled: the scheduler service was stopped", "dịch vụ lập lịch đã bị dừng")]
    [InlineData("max_duration 2m exceeded before the system was verified", "vượt quá max_duration 2m trước khi hệ thống được xác minh")]
    public void Known_abort_reasons_read_in_vietnamese_in_the_vietnamese_verdict(string reason, string vietnamese)
    {
        var html = _report.Render(SampleRuns.Aborted() with { AbortReason = reason }, SampleRuns.Context);

        Assert.Contains($"Diễn tập đã bị hủy bỏ ({vietnamese})", html, StringComparison.Ordinal);
        Assert.Contains($"The drill was aborted ({reason})", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the previous run of portal-kill (20261124-001440-3857) was still running", "lần chạy trước của portal-kill (20261124-001440-3857) vẫn đang chạy")]
    [InlineData("the previous fire of portal-kill was still waiting for its turn", "lần hẹn trước của portal-kill vẫn đang chờ đến lượt")]
    [InlineData("the service stopped before the drill's turn came", "dịch vụ đã dừng trước khi đến lượt diễn tập")]
    public void Skip_reasons_of_the_service_read_in_vietnamese(string english, string vietnamese) =>
        Assert.Equal(vietnamese, ReasonText.Vietnamese(english));

    [Fact]
    public void Skip_reason_keeps_its_times_and_translates_its_words()
    {
        var vietnamese = ReasonText.Vietnamese(
            "missed while the service was down (3 fires from 2026-11-22 19:00:00 UTC to 2026-11-22 21:00:00 UTC); the latest is 2h old, beyond the 1h grace period, so it was not run late");

        Assert.Equal(
            "bị lỡ khi dịch vụ ngừng hoạt động (3 lần hẹn từ 2026-11-22 19:00:00 UTC đến 2026-11-22 21:00:00 UTC); lần gần nhất đã qua 2h, vượt thời gian cho phép chạy bù 1h nên không chạy muộn",
            vietnamese);
    }
}
