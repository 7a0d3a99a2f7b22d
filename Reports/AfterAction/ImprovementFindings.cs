using System.Globalization;
using Drills.Reports.Formatting;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>One finding of a run with what to do about it, before an owner is given.</summary>
internal sealed record PlanFinding(string Key, Bilingual Finding, Bilingual Action, string? Observation);

/// <summary>
/// Every failure or finding a run record shows, each with a corrective action, in the order a reader should
/// take them: how the drill ended, recovery against the target, readiness, data loss, backups and cleanup, checks,
/// steps, then the side findings.
/// </summary>
internal static class ImprovementFindings
{
    /// <summary>A passed drill that used this share of its target or more has a finding: one slower day misses it.</summary>
    public const double NearTargetShare = 0.8;

    public static IReadOnlyList<PlanFinding> Of(RunRecord run)
    {
        var found = new List<PlanFinding>();
        switch (run.Outcome)
        {
            case RunOutcome.Skipped:
                found.Add(Skipped(run));
                return found;
            case RunOutcome.Running:
                found.Add(new("not-finished",
                    new("Diễn tập chưa ghi nhận thời điểm kết thúc (đang chạy hoặc bị gián đoạn).",
                        "The drill has not recorded an end (still running or interrupted)."),
                    new($"Kiểm tra trạng thái lần chạy; nếu bị gián đoạn, chạy 'drills recover {run.RunId}' để khôi phục hệ thống về trạng thái ban đầu và đóng lần chạy.",
                        $"Check the run; if it was interrupted, run 'drills recover {run.RunId}' to roll the system back and close the run."),
                    null));
                break;
            case RunOutcome.Aborted when !ReadinessSection.Refused(run):
                // A run the readiness gate refused has its failed gate items as findings, not an abort.
                found.Add(AbortFindings.Of(run));
                break;
        }

        found.AddRange(Recovery(run));
        found.AddRange(RecoveryFindings.Of(run).Select(f => f.Plan));
        found.AddRange(StepFindings.Checks(run));
        found.AddRange(StepFindings.Steps(run));
        found.AddRange(JournalFindings.Of(run));
        return found;
    }

    private static PlanFinding Skipped(RunRecord run)
    {
        var reason = run.SkipReason ?? "";
        return new("skipped",
            new($"Lần diễn tập theo lịch đã bị bỏ qua ({ReasonText.Vietnamese(reason)}): không có bằng chứng khôi phục cho lần hẹn này.",
                $"The scheduled drill was skipped ({reason}): there is no recovery evidence for this fire."),
            new($"Chạy bù diễn tập ('drills run {run.ScenarioId}') và bảo đảm dịch vụ lập lịch ('drills serve') hoạt động vào lần hẹn tiếp theo.",
                $"Run the drill on demand ('drills run {run.ScenarioId}') and make sure the scheduler ('drills serve') is up for the next fire."),
            run.SkipReason);
    }

    private static IEnumerable<PlanFinding> Recovery(RunRecord run)
    {
        if (run.Outcome is not (RunOutcome.Passed or RunOutcome.Failed))
        {
            yield break;
        }

        var target = HumanDuration.Format(run.RtoTarget);
        if (run.RecoveryTime is not { } measured)
        {
            yield return new("not-recovered",
                new("Hệ thống không được khôi phục: sau các bước khôi phục, các mục xác minh không cùng đạt.",
                    "The system was not recovered: after the restore steps, the verify items never all passed."),
                new("Rà soát quy trình khôi phục: tìm vì sao hệ thống không trở lại bình thường (xem các kiểm tra không đạt), sửa các bước khôi phục trong kịch bản và phương án ứng cứu sự cố, rồi diễn tập lại.",
                    "Review the recovery procedure: find why the system did not return to normal (see the failed checks), fix the restore steps in the scenario and the incident response plan, then drill again."),
                NoteDetail(run, "Verification failed"));
            yield break;
        }

        var shown = ManualTime.Timing(run, HumanDuration.Format(measured));
        var total = measured + run.DeclaredManualTime;
        if (!run.MetTarget)
        {
            yield return TargetMissed(run, measured, total, shown, target);
        }
        else if (run.Outcome == RunOutcome.Passed && total.Ticks >= run.RtoTarget.Ticks * NearTargetShare)
        {
            var share = (total.TotalSeconds / run.RtoTarget.TotalSeconds * 100).ToString("0", CultureInfo.InvariantCulture);
            yield return new("target-near",
                new($"Đạt mục tiêu nhưng sát ngưỡng: khôi phục trong {shown.Vi}, bằng {share}% mục tiêu {target}.",
                    $"Within the target but close to it: recovered in {shown.En}, {share}% of the {target} target."),
                new("Tạo dư địa cho mục tiêu: tự động hoá hoặc rút ngắn bước khôi phục chậm nhất" + Slowest(run).Vi + ", để một sự cố thật vào lúc bất lợi vẫn đạt mục tiêu.",
                    "Build a margin: automate or shorten the slowest restore step" + Slowest(run).En + ", so a real incident at a bad moment still meets the target."),
                NoteDetail(run, "Recovery within target"));
        }

        if (run.RecoveryTime is not null && !run.VerificationPassed)
        {
            yield return new("verification-failed",
                new("Hệ thống hoạt động trở lại nhưng không vượt qua bước xác minh.", "The system came back but did not pass verification."),
                new("Xác định mục xác minh không đạt (kiểm tra, toàn vẹn dữ liệu), sửa bước khôi phục tương ứng rồi diễn tập lại.",
                    "Find the verify item that failed (check, data integrity), fix the matching restore step and drill again."),
                null);
        }

        if (run.DeclaredManualTime > TimeSpan.Zero)
        {
            yield return new("manual-simulated",
                new($"Bước thủ công được tính theo thời lượng khai báo ({HumanDuration.Format(run.DeclaredManualTime)}), chưa được đo.",
                    $"Manual steps were counted at their declared duration ({HumanDuration.Format(run.DeclaredManualTime)}), not measured."),
                new("Diễn tập lại với người vận hành thực hiện và xác nhận từng bước thủ công ('drills confirm'), không dùng --simulate-manual, để đo thời gian thật.",
                    "Drill again with an operator doing and confirming each manual step ('drills confirm'), without --simulate-manual, so the real time is measured."),
                string.Join("; ", ManualTitles(run)));
        }
    }

    private static PlanFinding TargetMissed(RunRecord run, TimeSpan measured, TimeSpan total, Bilingual shown, string target)
    {
        var over = HumanDuration.Format(total - run.RtoTarget);
        var observation = NoteDetail(run, "Recovery MISSED its target") ?? $"{shown.En} against target {target}";
        if (measured <= run.RtoTarget)
        {
            // Measured time alone met the target: the declared manual time is what made it fail.
            var steps = string.Join(", ", ManualTitles(run));
            return new("target-missed",
                new($"Thời gian đo được {HumanDuration.Format(measured)} nằm trong mục tiêu {target}, nhưng cộng {HumanDuration.Format(run.DeclaredManualTime)} khai báo cho bước thủ công thì vượt mục tiêu {over}.",
                    $"The measured {HumanDuration.Format(measured)} is within the {target} target, but with {HumanDuration.Format(run.DeclaredManualTime)} declared for manual steps it misses it by {over}."),
                new($"Rút ngắn hoặc tự động hoá các bước thủ công ({steps}): chuẩn bị sẵn hướng dẫn, quyền truy cập và người trực; đo lại bằng diễn tập có người vận hành xác nhận.",
                    $"Shorten or automate the manual steps ({steps}): prepare instructions, access and an on-call operator in advance; measure again in a drill with an operator confirming."),
                observation);
        }

        return new("target-missed",
            new($"Khôi phục mất {shown.Vi}, vượt mục tiêu {target} thêm {over}.",
                $"Recovery took {shown.En}, missing the {target} target by {over}."),
            new("Rút ngắn thời gian khôi phục: tự động hoá các bước khôi phục thủ công, giữ sẵn bản sao lưu đã kiểm tra và ảnh chuẩn gần hệ thống, chạy song song các bước độc lập" + Slowest(run).Vi + "; cập nhật phương án ứng cứu sự cố rồi diễn tập lại.",
                "Shorten recovery: automate the manual restore steps, keep a checked backup and the golden image close to the system, run independent steps in parallel" + Slowest(run).En + "; update the incident response plan and drill again."),
            observation);
    }

    /// <summary>The restore step that took longest, named as a place to start.</summary>
    private static Bilingual Slowest(RunRecord run)
    {
        var slowest = run.Steps.Where(s => s.Phase == "restore").MaxBy(s => s.Duration + (s.Manual?.Declared ?? TimeSpan.Zero));
        if (slowest is null)
        {
            return new("", "");
        }

        var took = HumanDuration.Format(slowest.Duration + (slowest.Manual?.Declared ?? TimeSpan.Zero));
        return new($" (bắt đầu từ bước chậm nhất: {slowest.Description}, {took})", $" (start with the slowest step: {slowest.Description}, {took})");
    }

    private static IEnumerable<string> ManualTitles(RunRecord run) =>
        run.Steps.Where(s => s.Manual is { Simulated: true }).Select(s => s.Manual!.Title);

    /// <summary>The detail of the journal note the engine wrote with this message: its own words for what it saw.</summary>
    public static string? NoteDetail(RunRecord run, string message) =>
        run.Journal.LastOrDefault(e => e.Message == message)?.Detail;
}
