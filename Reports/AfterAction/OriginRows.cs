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
        yield return Metrics.Row(new("Khởi động bởi", "Started by"), Trigger(run.Origin.Trigger), Bilingual.Same(""), "neutral");
        if (run.Origin.ScheduledForUtc is { } due)
        {
            var late = run.StartedAtUtc - due;
            var delay = run.Outcome != RunOutcome.Skipped && late >= TimeSpan.FromSeconds(1)
                ? new Bilingual($"Bắt đầu muộn: {HumanDuration.Format(late)}", $"Started late: {HumanDuration.Format(late)}")
                : Bilingual.Same("");
            yield return Metrics.Row(new("Giờ hẹn theo lịch", "Scheduled for"), Bilingual.Same($"{time.DateTime(due)} ({ZonedTime.Utc(due)})"), delay,
                delay.En.Length > 0 ? "warn" : "neutral");
        }

        if (run.Origin.WaitedFor is { } reason && run.Origin.Waited > TimeSpan.Zero)
        {
            yield return Metrics.Row(new("Thời gian chờ đến lượt", "Waited for its turn"), Bilingual.Same(HumanDuration.Format(run.Origin.Waited)),
                new($"Chờ: {reason}", $"Waited for: {reason}"), "warn");
        }

        if (run.Outcome == RunOutcome.Skipped && !string.IsNullOrWhiteSpace(run.SkipReason))
        {
            yield return Metrics.Row(new("Lý do bỏ qua", "Skip reason"), new(ReasonText.Vietnamese(run.SkipReason), run.SkipReason),
                new("Không có thao tác nào trên hệ thống", "Nothing was touched"), "warn");
        }
    }

    private static Bilingual Trigger(RunTrigger trigger) => trigger switch
    {
        RunTrigger.Schedule => new("Theo lịch", "Schedule"),
        RunTrigger.CatchUp => new("Chạy bù cho lần hẹn bị lỡ", "Catch-up for a missed fire"),
        _ => new("Theo yêu cầu", "On demand"),
    };
}
