using Drills.Reports.Formatting;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>
/// Why the run happened when it did: on demand or by the schedule, the fire time it was due at, and any
/// delay (a missed fire run late, a wait for another drill on the same system) — or why a fire was skipped.
/// </summary>
internal static class OriginRows
{
    public static IEnumerable<MetricRow> For(RunRecord run, ZonedTime time)
    {
        yield return Metrics.Row(new("Khởi động bởi", "Started by"), Trigger(run.Origin.Trigger), "", "neutral");
        if (run.Origin.ScheduledForUtc is { } due)
        {
            var late = run.StartedAtUtc - due;
            var delay = run.Outcome != RunOutcome.Skipped && late >= TimeSpan.FromSeconds(1)
                ? $"Bắt đầu muộn / Started late: {HumanDuration.Format(late)}"
                : "";
            yield return Metrics.Row(new("Giờ hẹn theo lịch", "Scheduled for"), $"{time.DateTime(due)} ({ZonedTime.Utc(due)})", delay,
                delay.Length > 0 ? "warn" : "neutral");
        }

        if (run.Origin.WaitedFor is { } reason && run.Origin.Waited > TimeSpan.Zero)
        {
            yield return Metrics.Row(new("Thời gian chờ đến lượt", "Waited for its turn"), HumanDuration.Format(run.Origin.Waited),
                $"Chờ / Waited for: {reason}", "warn");
        }

        if (run.Outcome == RunOutcome.Skipped && !string.IsNullOrWhiteSpace(run.SkipReason))
        {
            yield return Metrics.Row(new("Lý do bỏ qua", "Skip reason"), run.SkipReason, "Không có thao tác nào trên hệ thống / Nothing was touched", "warn");
        }
    }

    private static string Trigger(RunTrigger trigger) => trigger switch
    {
        RunTrigger.Schedule => "Theo lịch / Schedule",
        RunTrigger.CatchUp => "Chạy bù cho lần hẹn bị lỡ / Catch-up for a missed fire",
        _ => "Theo yêu cầu / On demand",
    };
}
