using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>The fixed bilingual wording for the run record's enumerations and phases.</summary>
internal static class Labels
{
    public static Bilingual Outcome(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Passed => new("Đạt", "Passed"),
        RunOutcome.Failed => new("Không đạt", "Failed"),
        RunOutcome.Aborted => new("Hủy bỏ", "Aborted"),
        RunOutcome.Skipped => new("Bỏ qua", "Skipped"),
        _ => new("Chưa kết thúc", "Not finished"),
    };

    /// <summary>A run's outcome as the report's badge reads it: a run the readiness gate refused did not start.</summary>
    public static Bilingual Outcome(RunRecord run) => ReadinessSection.Refused(run) ? NotStarted : Outcome(run.Outcome);

    public static Bilingual NotStarted { get; } = new("Chưa bắt đầu", "Not started");

    /// <summary>The CSS tone of an outcome badge.</summary>
    public static string OutcomeTone(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Passed => "good",
        RunOutcome.Failed => "bad",
        RunOutcome.Aborted => "warn",
        RunOutcome.Skipped => "warn",
        _ => "neutral",
    };

    public static Bilingual Mark(JournalMark mark) => mark switch
    {
        JournalMark.Started => new("Bắt đầu", "Started"),
        JournalMark.Baseline => new("Đường cơ sở", "Baseline"),
        JournalMark.AttackStart => new("Bắt đầu tấn công (T0)", "Attack start (T0)"),
        JournalMark.Impact => new("Phát hiện ảnh hưởng", "Impact detected"),
        JournalMark.RestoreStart => new("Bắt đầu khôi phục", "Restore start"),
        JournalMark.RestoreEnd => new("Kết thúc khôi phục", "Restore end"),
        JournalMark.Recovered => new("Đã khôi phục (T1)", "Recovered (T1)"),
        JournalMark.StepStarted => new("Bắt đầu bước", "Step started"),
        JournalMark.StepFinished => new("Kết thúc bước", "Step finished"),
        JournalMark.CheckObserved => new("Quan sát kiểm tra", "Check observed"),
        JournalMark.Backup => new("Sao lưu", "Backup"),
        JournalMark.Rollback => new("Hoàn nguyên", "Rollback"),
        JournalMark.Aborted => new("Hủy bỏ", "Aborted"),
        JournalMark.Finished => new("Kết thúc", "Finished"),
        JournalMark.ManualWaiting => new("Chờ người vận hành", "Waiting for operator"),
        JournalMark.ManualConfirmed => new("Người vận hành xác nhận", "Operator confirmed"),
        JournalMark.Quiesce => new("Tạm dừng ghi dữ liệu", "Quiesce"),
        _ => new("Ghi chú", "Note"),
    };

    /// <summary>
    /// The six marks the format defines, plus the abort and rollback, stand out in the timeline;
    /// routine step and check lines recede.
    /// </summary>
    public static string MarkTone(JournalMark mark) => mark switch
    {
        JournalMark.AttackStart or JournalMark.Impact or JournalMark.Aborted => "bad",
        JournalMark.Recovered => "good",
        JournalMark.Baseline or JournalMark.RestoreStart or JournalMark.RestoreEnd or JournalMark.Rollback
            or JournalMark.ManualWaiting or JournalMark.ManualConfirmed or JournalMark.Quiesce => "key",
        JournalMark.StepStarted or JournalMark.StepFinished or JournalMark.CheckObserved => "routine",
        _ => "neutral",
    };

    /// <summary>Known phases are translated; anything else is shown as the run recorded it.</summary>
    public static Bilingual Phase(string phase) => phase.Trim().ToLowerInvariant() switch
    {
        "baseline" => new("Đường cơ sở", "Baseline"),
        "attack" => new("Tấn công", "Attack"),
        "detection" => new("Phát hiện", "Detection"),
        "restore" => new("Khôi phục", "Restore"),
        "verify" => new("Xác minh", "Verify"),
        "rollback" => new("Hoàn nguyên", "Rollback"),
        _ => Bilingual.Same(phase),
    };

    public static Bilingual PassFail(bool passed) => passed ? new("Đạt", "Pass") : new("Không đạt", "Fail");

    public static string Tick(bool passed) => passed ? "✔" : "✘";

    public static string Tone(bool good) => good ? "good" : "bad";

    public static Bilingual SecurityLevel(int level) => new($"Cấp độ {level}", $"Level {level}");

    public static Bilingual NoImpact { get; } =
        new("Tấn công không gây ảnh hưởng quan sát được", "The attack had no observable impact");

    public static Bilingual NotRecorded { get; } = new("Không ghi nhận", "Not recorded");

    public static Bilingual YesNo(bool yes) => yes ? new("Có", "Yes") : new("Không", "No");

    /// <summary>A cadence in calendar months as a reader says it.</summary>
    public static Bilingual Cadence(int months) => months switch
    {
        12 => new("Hằng năm (12 tháng)", "Yearly (12 months)"),
        6 => new("6 tháng một lần", "Every 6 months"),
        3 => new("Hằng quý (3 tháng)", "Quarterly (3 months)"),
        1 => new("Hằng tháng", "Monthly"),
        _ => new($"{months} tháng một lần", $"Every {months} months"),
    };
}
