using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>
/// Findings per check (keyed by the check as the catalogue describes it) and per failed step (keyed by its kind),
/// so a check or step that fails again in the next drill is recognised as the same open action.
/// </summary>
internal static class StepFindings
{
    /// <summary>The key of a data-integrity verify item: its recorded name starts so.</summary>
    public const string IntegrityKey = "integrity";

    /// <summary>The phases whose observations say whether the system came back (attack-phase failures are the impact).</summary>
    public static bool AfterRestore(CheckObservation seen) => seen.Phase is "restore" or "verify";

    public static string CheckKey(string check) =>
        check.StartsWith(IntegrityKey, StringComparison.Ordinal) ? IntegrityKey : "check:" + check;

    public static string StepKey(string phase, string kind) => phase == "restore" ? "step:" + kind : $"step:{phase}:{kind}";

    /// <summary>Each check whose last observation after the restore began failed: the system was left without it.</summary>
    public static IEnumerable<PlanFinding> Checks(RunRecord run) =>
        run.Checks
            .Where(AfterRestore)
            .GroupBy(c => c.Check, StringComparer.Ordinal)
            .Select(g => g.Last())
            .Where(last => !last.Passed)
            .Select(last => CheckKey(last.Check) == IntegrityKey ? Integrity(last) : Check(last));

    /// <summary>Each step kind that failed (an interrupted step did not fail: the abort is its finding).</summary>
    public static IEnumerable<PlanFinding> Steps(RunRecord run) =>
        run.Steps
            .Where(s => !s.Succeeded && !s.WasInterrupted)
            .GroupBy(s => StepKey(s.Phase, s.Kind), StringComparer.Ordinal)
            .Select(g => Step(g.Key, g.ToList()));

    private static PlanFinding Integrity(CheckObservation last) => new(IntegrityKey,
        new("Dữ liệu sau khôi phục không khớp với đường cơ sở (bảng băm SHA-256 của các đường dẫn dữ liệu).",
            "The data after the restore does not match the baseline (SHA-256 manifest of the data paths)."),
        new("Kiểm tra bản sao lưu và bước khôi phục dữ liệu: khôi phục đầy đủ mọi đường dẫn dữ liệu từ bản sao lưu đã xác minh, loại bỏ các tệp do tấn công tạo ra, khôi phục quyền và chủ sở hữu tệp, rồi đối chiếu lại với đường cơ sở.",
            "Check the backup and the data restore step: restore every data path from the verified backup, remove the files the attack left, restore file modes and owners, then compare with the baseline again."),
        last.Observation);

    private static PlanFinding Check(CheckObservation last)
    {
        var what = last.Check.Split(' ', 2)[0] switch
        {
            "http" => new Bilingual("dịch vụ web trả về đúng mã trạng thái và nội dung", "the web service answers with the expected status and content"),
            "tcp" => new Bilingual("cổng dịch vụ nhận kết nối", "the service port accepts connections"),
            "exec" => new Bilingual("lệnh kiểm tra trong container trả về đúng kết quả", "the check command inside the container gives the expected result"),
            _ => new Bilingual("kiểm tra đạt", "the check passes"),
        };
        return new(CheckKey(last.Check),
            new($"Kiểm tra «{last.Check}» vẫn không đạt sau khi khôi phục.", $"Check '{last.Check}' still failed after the restore."),
            new($"Bổ sung vào quy trình khôi phục những gì còn thiếu để {what.Vi} (dịch vụ, cấu hình, dữ liệu mà kiểm tra phụ thuộc); nếu kiểm tra không phản ánh đúng trạng thái cần có, sửa định nghĩa kiểm tra trong danh mục.",
                $"Add what the restore procedure lacks so that {what.En} (the service, configuration and data the check depends on); if the check does not reflect the state wanted, fix its definition in the catalogue."),
            last.Observation);
    }

    private static PlanFinding Step(string key, List<StepResult> failed)
    {
        var first = failed[0];
        var described = string.Join("; ", failed.Select(s => s.Description).Distinct(StringComparer.Ordinal));
        var phase = Labels.Phase(first.Phase);
        return new(key,
            new($"Bước {phase.Vi.ToLowerInvariant()} {first.Kind} không thành công: {described}.",
                $"The {first.Phase} step {first.Kind} failed: {described}."),
            ActionFor(first),
            string.Join(Environment.NewLine, failed.Select(s => s.Observation)));
    }

    private static Bilingual ActionFor(StepResult step) => (step.Phase, step.Kind) switch
    {
        ("attack", _) => new(
            "Sửa bước tấn công (quyền, đường dẫn, lệnh) để kịch bản tái hiện được mối đe doạ; một tấn công không thực hiện được thì không đo được khả năng khôi phục.",
            "Fix the attack step (permissions, paths, command) so the scenario reproduces the threat; an attack that did not happen measures no recovery."),
        (_, "restore-backup") => new(
            "Kiểm tra bản sao lưu: còn nguyên vẹn (đúng mã băm), truy cập được và khôi phục được; giữ một bản sao cách ly, ngoại tuyến theo quy tắc 3-2-1 và thử khôi phục định kỳ.",
            "Check the backup: intact (checksum matches), reachable and restorable; keep an isolated, offline copy under the 3-2-1 rule and test restoring it regularly."),
        (_, "restart" or "start" or "unpause") => new(
            "Tìm vì sao dịch vụ không khởi động lại được (nhật ký container, cấu hình, tài nguyên máy) và khắc phục; ghi cách khởi động lại vào phương án ứng cứu sự cố.",
            "Find why the service did not start again (container log, configuration, host resources) and fix it; write how to restart it into the incident response plan."),
        (_, "redeploy") => new(
            "Kiểm tra ảnh chuẩn (golden image) và cấu hình triển khai: ảnh có sẵn trên máy, đúng phiên bản, triển khai lại được mà không cần mạng bên ngoài.",
            "Check the golden image and the deployment settings: the image is on the machine, at the right version, and redeploys without an outside network."),
        (_, "manual") => new(
            "Rà soát hướng dẫn của bước thủ công, phân công người trực và phương tiện liên lạc; cân nhắc tự động hoá bước này.",
            "Review the manual step's instructions, assign who is on call and how to reach them; consider automating the step."),
        (_, "exec") => new(
            "Sửa lệnh khôi phục: chạy thử thủ công trong container, kiểm tra mã thoát và đầu ra, rồi cập nhật kịch bản.",
            "Fix the restore command: try it by hand inside the container, check its exit code and output, then update the scenario."),
        _ => new(
            "Tìm nguyên nhân bước không thành công theo quan sát ghi nhận, sửa bước trong kịch bản rồi diễn tập lại.",
            "Find why the step failed from its recorded observation, fix the step in the scenario and drill again."),
    };
}
