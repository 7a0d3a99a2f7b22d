using Drills.Reports.Formatting;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>
/// The one-sentence conclusion a CIO reads first, and the strengths and gaps behind it.
/// Kept in code rather than the template because the wording depends on several facts at once.
/// </summary>
internal static class Verdict
{
    public static Bilingual For(RunRecord run)
    {
        if (ReadinessSection.Refused(run))
        {
            var failed = run.Readiness!.Items.Where(i => !i.Passed).Select(i => ReadinessSection.ShortName(i.Name)).ToList();
            return new($"Diễn tập chưa bắt đầu: cổng kiểm tra sẵn sàng không đạt ({string.Join(", ", failed.Select(f => f.Vi))}); hệ thống không bị tác động.",
                $"The drill did not start: the readiness gate failed ({string.Join(", ", failed.Select(f => f.En))}); nothing was touched.");
        }

        var verdict = Recovery(run);
        return run.DataLoss is { MetRpo: false } loss ? Join(verdict, DataLossMissed(loss)) : verdict;
    }

    private static Bilingual Recovery(RunRecord run)
    {
        var target = HumanDuration.Format(run.RtoTarget);
        var recovered = run.RecoveryTime is { } t ? HumanDuration.Format(t) : null;
        var shown = ManualTime.Timing(run, recovered ?? "—");

        return run.Outcome switch
        {
            RunOutcome.Passed => new(
                $"Hệ thống đã được khôi phục và xác minh trong {shown.Vi}, đạt mục tiêu {target}.",
                $"The system was recovered and verified in {shown.En}, within its {target} target."),
            RunOutcome.Failed when recovered is null => new(
                $"Hệ thống không được khôi phục trong thời gian diễn tập (mục tiêu {target}).",
                $"The system was not recovered during the drill (target {target})."),
            RunOutcome.Failed when !run.MetTarget => new(
                $"Hệ thống được khôi phục sau {shown.Vi}, vượt mục tiêu {target}.",
                $"The system recovered in {shown.En}, exceeding its {target} target."),
            RunOutcome.Failed => new(
                $"Hệ thống được khôi phục trong {shown.Vi} nhưng không vượt qua bước xác minh.",
                $"The system recovered in {shown.En} but did not pass verification."),
            RunOutcome.Aborted => Aborted(run),
            RunOutcome.Skipped => new(
                $"Lần diễn tập theo lịch này đã bị bỏ qua ({ReasonText.Vietnamese(run.SkipReason ?? "")}); không có thao tác nào trên hệ thống.",
                $"This scheduled drill was skipped ({run.SkipReason}); nothing was touched."),
            _ => new(
                "Diễn tập chưa ghi nhận thời điểm kết thúc (đang chạy hoặc bị gián đoạn); chưa có kết luận.",
                "The drill has not recorded an end (still running or interrupted); there is no verdict yet."),
        };
    }

    public static IReadOnlyList<(string Tone, Bilingual Text)> Findings(RunRecord run)
    {
        var findings = new List<(string, Bilingual)>();
        if (run.Outcome == RunOutcome.Skipped)
        {
            // Nothing ran, so nothing was measured: the only finding is the gap in the drill calendar.
            findings.Add(("warn", new(
                "Không có bằng chứng khôi phục cho lần hẹn này — cần chạy bù hoặc xác nhận lịch tiếp theo.",
                "There is no recovery evidence for this fire — run the drill on demand or confirm the next scheduled fire.")));
            return findings;
        }

        if (run.MetTarget)
        {
            findings.Add(("good", run.DeclaredManualTime > TimeSpan.Zero
                ? new("Thời gian đo được + khai báo nằm trong mục tiêu.", "Measured + declared time is within the target.")
                : new("Thời gian khôi phục nằm trong mục tiêu.", "Recovery time is within the target.")));
        }
        else if (run.RecoveryTime is { } late)
        {
            var over = HumanDuration.Format(late + run.DeclaredManualTime - run.RtoTarget);
            findings.Add(("bad", new(
                $"Khôi phục chậm hơn mục tiêu {over} — cần rút ngắn quy trình khôi phục và diễn tập lại.",
                $"Recovery missed the target by {over} — shorten the recovery procedure and drill again.")));
        }

        findings.AddRange(RecoveryFindings.Of(run).Select(f => (f.Tone, f.Plan.Finding)));
        if (run.DeclaredManualTime > TimeSpan.Zero)
        {
            findings.Add(("warn", new(
                "Bước thủ công được mô phỏng theo thời lượng khai báo, chưa được đo — cần diễn tập với người vận hành xác nhận thực tế.",
                "Manual steps were simulated at their declared duration, not measured — drill them with an operator confirming for real.")));
        }

        if (!run.ImpactObserved && run.Outcome != RunOutcome.Running && AttackFacts.Began(run))
        {
            // Itself a finding: either the attack failed or the checks cannot see it.
            findings.Add(("warn", new(
                Labels.NoImpact.Vi + " — cần rà soát kịch bản và các kiểm tra.",
                Labels.NoImpact.En + " — review the scenario and the checks.")));
        }

        foreach (var step in run.Steps.Where(s => !s.Succeeded))
        {
            var what = step.Description == step.Kind ? "" : $": {step.Description}";
            // A step cut short by the abort did not fail: saying it failed would send a CIO after the wrong cause.
            findings.Add(step.WasInterrupted
                ? ("warn", new(
                    $"Bước {Labels.Phase(step.Phase).Vi} #{step.Index} ({step.Kind}) bị gián đoạn khi diễn tập bị hủy{what}",
                    $"Step {step.Phase} #{step.Index} ({step.Kind}) was interrupted when the drill was aborted{what}"))
                : ("bad", new(
                    $"Bước {Labels.Phase(step.Phase).Vi} #{step.Index} ({step.Kind}) không thành công: {step.Description}",
                    $"Step {step.Phase} #{step.Index} ({step.Kind}) failed: {step.Description}")));
        }

        if (!run.VerificationPassed && run.Outcome is RunOutcome.Passed or RunOutcome.Failed)
        {
            findings.Add(("bad", new("Xác minh sau khôi phục không đạt.", "Verification after restore failed.")));
        }

        if (run.Outcome == RunOutcome.Aborted && AttackFacts.Began(run))
        {
            findings.Add(run.RolledBack
                ? ("good", new("Hệ thống đích đã được hoàn nguyên.", "The target was rolled back."))
                : ("bad", new("Hệ thống đích chưa được hoàn nguyên.", "The target was not rolled back.")));
        }

        return findings;
    }

    private static Bilingual DataLossMissed(DataLoss loss)
    {
        var window = HumanDuration.Format(TimeSpan.FromSeconds(loss.LossWindowSeconds));
        var target = HumanDuration.Format(TimeSpan.FromSeconds(loss.RpoTargetSeconds ?? 0));
        return new($"Dữ liệu bị mất vượt mục tiêu điểm khôi phục: {loss.MarkersLost} bản ghi, cửa sổ {window} so với rpo_target {target}.",
            $"Data loss exceeded the recovery point target: {loss.MarkersLost} record(s) lost, a {window} window against the {target} rpo_target.");
    }

    private static Bilingual Join(Bilingual first, Bilingual second) => new($"{first.Vi} {second.Vi}", $"{first.En} {second.En}");

    private static Bilingual Aborted(RunRecord run)
    {
        var reason = string.IsNullOrWhiteSpace(run.AbortReason) ? null : run.AbortReason.Trim();
        var vi = reason is null ? "Diễn tập đã bị hủy bỏ" : $"Diễn tập đã bị hủy bỏ ({ReasonText.Vietnamese(reason)})";
        var en = reason is null ? "The drill was aborted" : $"The drill was aborted ({reason})";
        if (!AttackFacts.Began(run))
        {
            return new(vi + " trước khi bắt đầu tấn công; hệ thống không bị tác động nên không cần hoàn nguyên.",
                en + " before the attack began; nothing was attacked, so nothing needed rolling back.");
        }

        return run.RolledBack
            ? new(vi + "; hệ thống đích đã được hoàn nguyên về trạng thái ban đầu.",
                en + "; the target was rolled back to its baseline.")
            : new(vi + "; hệ thống đích CHƯA được hoàn nguyên — cần kiểm tra ngay.",
                en + "; the target was NOT rolled back — check it now.");
    }
}
