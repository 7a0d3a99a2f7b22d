using Drills.Reports.Formatting;
using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>The recovery metrics table: what was measured, each beside what it is judged against.</summary>
internal static class Metrics
{
    public static IReadOnlyList<MetricRow> For(RunRecord run)
    {
        var target = HumanDuration.Format(run.RtoTarget);
        var ceiling = HumanDuration.Format(RegulationData.Current.Ceiling);
        var declared = run.DeclaredManualTime > TimeSpan.Zero;
        var rows = new List<MetricRow>
        {
            Row(new("Thời gian khôi phục (RTO đo được)", "Recovery time (measured RTO)"),
                run.RecoveryTime is { } t ? Bilingual.Same(HumanDuration.Format(t)) : new("Chưa khôi phục", "Not recovered"),
                new($"Mục tiêu: {target} — T1 − T0" + (declared ? " — chỉ thời gian đo, không gồm thời gian khai báo" : ""),
                    $"Target: {target} — T1 − T0" + (declared ? " — measured only, without declared time" : "")),
                declared ? "neutral" : Labels.Tone(run.MetTarget)),
            Row(new("Mục tiêu khôi phục", "Recovery target"),
                Bilingual.Same(target),
                new($"Trần quốc gia: {ceiling}", $"National ceiling: {ceiling}"),
                "neutral"),
            Row(new("Thời gian đến khi phát hiện", "Time to impact (detection)"),
                Bilingual.Same(run.TimeToImpact is { } d ? HumanDuration.Format(d) : "—"),
                new("Từ T0 đến kiểm tra thất bại đầu tiên", "From T0 to the first failed check"),
                "neutral"),
            run switch
            {
                { ImpactObserved: true } => Row(ImpactLabel, Labels.YesNo(true), None, "neutral"),
                _ when !AttackFacts.Began(run) => Row(ImpactLabel, Bilingual.Same("—"), new("Chưa tấn công", "No attack was made"), "neutral"),
                _ => Row(ImpactLabel, Labels.YesNo(false), Labels.NoImpact, "warn"),
            },
            VerificationRow(run),
            Row(new("Hoàn nguyên", "Rollback"),
                RollbackValue(run),
                None,
                RollbackTone(run)),
        };

        rows.InsertRange(1, ManualRows(run, target));
        if (ReadinessSection.Refused(run))
        {
            var failed = run.Readiness!.Items.Where(i => !i.Passed).Select(i => ReadinessSection.ShortName(i.Name)).ToList();
            rows.Add(Row(new("Lý do chưa bắt đầu", "Why it did not start"),
                new("Cổng kiểm tra sẵn sàng không đạt: " + string.Join(", ", failed.Select(f => f.Vi)), "The readiness gate failed: " + string.Join(", ", failed.Select(f => f.En))),
                new("Quan sát của từng mục ở phần tổng quan", "Each item's observation is in the overview"), "bad"));
        }
        else if (!string.IsNullOrWhiteSpace(run.AbortReason))
        {
            rows.Add(Row(new("Lý do hủy bỏ", "Abort reason"), new(ReasonText.Vietnamese(run.AbortReason), run.AbortReason), None, "bad"));
        }

        if (run.Journal.Count > 0)
        {
            rows.Add(Row(new("Tổng thời gian diễn tập", "Drill duration"),
                Bilingual.Same(HumanDuration.Format(run.Journal.Max(e => e.Elapsed))),
                new("Đồng hồ đơn điệu", "Monotonic clock"),
                "neutral"));
        }

        return rows;
    }

    /// <summary>Operator waits (measured) and declared manual time (not measured) each on its own row; their sum only under its own label.</summary>
    private static IEnumerable<MetricRow> ManualRows(RunRecord run, string target)
    {
        if (ManualTime.AnyWaited(run))
        {
            yield return Row(new("Thời gian chờ người vận hành (đã đo)", "Operator wait (measured)"),
                Bilingual.Same(HumanDuration.Format(ManualTime.Waited(run))),
                new("Nằm trong thời gian khôi phục đo được: đồng hồ vẫn chạy khi chờ xác nhận",
                    "Part of the measured recovery time: the clock kept running while waiting for confirmation"),
                "neutral");
        }

        if (run.DeclaredManualTime <= TimeSpan.Zero)
        {
            yield break;
        }

        yield return Row(new("Thời gian khai báo của bước thủ công (không đo)", "Declared manual time (not measured)"),
            Bilingual.Same(HumanDuration.Format(run.DeclaredManualTime)),
            new("Bước thủ công mô phỏng (--simulate-manual), tính theo thời lượng khai báo; không cộng vào thời gian đo",
                "Simulated manual steps counted at their declared duration; not added to the measured time"),
            "warn");
        if (run.RecoveryTime is { } measured)
        {
            yield return Row(new("Tổng: đo được + khai báo", "Total: measured + declared"),
                Bilingual.Same(HumanDuration.Format(measured + run.DeclaredManualTime)),
                new($"So với mục tiêu {target}: kết luận dựa trên tổng này", $"Compared with the {target} target: the verdict rests on this total"),
                Labels.Tone(run.MetTarget));
        }
    }

    /// <summary>An aborted drill that never recovered was never verified: "fail" would claim a check that did not happen.</summary>
    private static MetricRow VerificationRow(RunRecord run) =>
        run is { Outcome: RunOutcome.Aborted, VerificationPassed: false, RecoveryTime: null }
            ? Row(new("Kết quả xác minh", "Verification result"), new("Không thực hiện", "Not performed"), new("Diễn tập bị hủy trước bước xác minh", "The drill was aborted before verification"), "neutral")
            : Row(new("Kết quả xác minh", "Verification result"), Labels.PassFail(run.VerificationPassed), None, Labels.Tone(run.VerificationPassed));

    private static Bilingual RollbackValue(RunRecord run) => run switch
    {
        { RolledBack: true } => new("Đã hoàn nguyên", "Rolled back"),
        { Outcome: RunOutcome.Passed } => new("Không cần", "Not needed"),
        _ when !AttackFacts.Began(run) => new("Không cần: chưa tấn công", "Not needed: no attack was made"),
        _ => Labels.YesNo(false),
    };

    // Not rolling back matters only when something asked for it.
    private static string RollbackTone(RunRecord run) =>
        run.Outcome == RunOutcome.Aborted && AttackFacts.Began(run) ? Labels.Tone(run.RolledBack) : "neutral";

    public static MetricRow Row(Bilingual label, Bilingual value, Bilingual note, string tone) => new(
        BiText.Of(label),
        BiText.Of(value),
        BiText.Of(note),
        HtmlText.Encode(tone));

    private static Bilingual None => Bilingual.Same("");

    private static Bilingual ImpactLabel => new("Ảnh hưởng quan sát được", "Impact observed");
}
