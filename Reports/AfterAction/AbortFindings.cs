using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>
/// Why an aborted drill stopped, as a class with a stable key ("aborted:max-duration"), since the reason itself
/// carries values (durations, step titles, error text) that differ from run to run.
/// </summary>
internal static class AbortFindings
{
    public static PlanFinding Of(RunRecord run)
    {
        var reason = string.IsNullOrWhiteSpace(run.AbortReason) ? "" : run.AbortReason.Trim();
        var shown = reason.Length == 0 ? "" : $" ({ReasonText.Vietnamese(reason)})";
        var shownEn = reason.Length == 0 ? "" : $" ({reason})";
        var (key, finding, action) = Classify(run, reason);
        return new($"aborted:{key}",
            new(finding.Vi + shown + ".", finding.En + shownEn + "."),
            action,
            reason.Length == 0 ? null : reason);
    }

    /// <summary>The class of an abort; keys are kept as they are, since the next run's plan is matched on them.</summary>
    private static (string Key, Bilingual Finding, Bilingual Action) Classify(RunRecord run, string reason)
    {
        if (!AttackFacts.Began(run))
        {
            // The engine's wording for any error before T0: nothing was attacked, the environment was not ready.
            return ("before-attack",
                new("Diễn tập bị hủy trước khi tấn công: môi trường chưa sẵn sàng", "The drill was aborted before the attack: the environment was not ready"),
                new("Khắc phục lỗi nêu trong lý do (Docker, ảnh container, hệ thống chưa ổn định trước khi tấn công, lệnh tạm dừng ghi dữ liệu) rồi chạy lại diễn tập; đến khi đó hệ thống chưa có bằng chứng khôi phục.",
                    "Fix the error the reason names (Docker, the container image, a system unhealthy before the attack, a quiesce command) and run the drill again; until then the system has no recovery evidence."));
        }

        if (reason.StartsWith("max_duration ", StringComparison.Ordinal) && reason.Contains("was not confirmed", StringComparison.Ordinal))
        {
            return ("manual-unconfirmed",
                new("Diễn tập bị hủy: bước thủ công không được xác nhận trước khi hết thời gian tối đa", "The drill was aborted: a manual step was not confirmed before the time ran out"),
                new("Phân công người vận hành trực trong suốt buổi diễn tập, báo trước lịch và hướng dẫn họ chạy 'drills confirm' ngay khi xong bước thủ công; nếu bước thật sự lâu hơn, rút ngắn nó hoặc điều chỉnh max_duration.",
                    "Assign an operator on call for the whole drill, announce the schedule and show them how to run 'drills confirm' as soon as the manual step is done; if the step truly takes longer, shorten it or adjust max_duration."));
        }

        if (reason.StartsWith("max_duration ", StringComparison.Ordinal))
        {
            return ("max-duration",
                new("Diễn tập bị hủy: vượt quá thời gian tối đa trước khi hệ thống được xác minh", "The drill was aborted: max_duration ran out before the system was verified"),
                new("Tìm bước làm chậm khôi phục (xem bảng các bước và các kiểm tra) và rút ngắn hoặc tự động hoá nó; nếu quy trình đúng nhưng cần lâu hơn, điều chỉnh max_duration (không vượt mục tiêu khôi phục).",
                    "Find the step that slows recovery (see the steps and checks) and shorten or automate it; if the procedure is right but needs longer, adjust max_duration (not beyond the recovery target)."));
        }

        if (reason.StartsWith("cancelled", StringComparison.Ordinal))
        {
            return ("cancelled",
                new("Diễn tập bị dừng giữa chừng bởi người vận hành hoặc do dịch vụ lập lịch dừng", "The drill was stopped midway by the operator or by the scheduler stopping"),
                new("Lên lịch lại vào thời điểm không bị gián đoạn (không bảo trì, không khởi động lại dịch vụ) và để diễn tập chạy đến hết.",
                    "Reschedule the drill for a time without interruptions (no maintenance, no service restart) and let it run to its end."));
        }

        if (reason.StartsWith("orchestrator restarted", StringComparison.Ordinal))
        {
            return ("restarted",
                new("Diễn tập bị gián đoạn: bộ điều phối đã khởi động lại giữa chừng", "The drill was interrupted: the orchestrator restarted midway"),
                new("Tìm nguyên nhân bộ điều phối dừng (mất điện, hết bộ nhớ, khởi động lại máy, dừng dịch vụ) trong nhật ký hệ thống, khắc phục rồi chạy lại diễn tập.",
                    "Find why the orchestrator stopped (power loss, out of memory, reboot, service stop) in the system logs, fix it and run the drill again."));
        }

        if (reason.StartsWith("internal error", StringComparison.Ordinal))
        {
            return ("internal-error",
                new("Diễn tập bị hủy do lỗi nội bộ của drills", "The drill was aborted by an internal error of drills"),
                new("Báo lỗi cho nhóm phát triển drills kèm mã lần chạy và nhật ký (logs/drills-*.clef), rồi chạy lại diễn tập.",
                    "Report the error to the drills maintainers with the run id and the log (logs/drills-*.clef), then run the drill again."));
        }

        return ("error",
            new("Diễn tập bị hủy do lỗi trong khi thực hiện", "The drill was aborted by an error while it ran"),
            new("Đọc lý do và bước không thành công, sửa nguyên nhân (bước, kiểm tra hoặc môi trường) theo hướng dẫn trong thông báo lỗi, rồi chạy lại diễn tập.",
                "Read the reason and the failed step, fix the cause (step, check or environment) as the error message says, then run the drill again."));
    }
}
