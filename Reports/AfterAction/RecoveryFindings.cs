using Drills.Reports.Formatting;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>A finding with the tone the executive summary gives it.</summary>
internal sealed record RecoveryFinding(string Tone, PlanFinding Plan);

/// <summary>
/// Findings from what a run records about its readiness, its backups and its cleanup: a gate item that failed,
/// data lost beyond rpo_target, backup defects, recovery from the drill's own snapshot, a fallback to another
/// backup or copy, and anything the cleanup scan found but did not remove. Keys are stable, for re-testing.
/// </summary>
internal static class RecoveryFindings
{
    public const string RpoMissedKey = "data-loss-rpo";
    public const string DefectsKey = "backup-defects";
    public const string BaselineKey = "restored-from-baseline";
    public const string FallbackKey = "backup-fallback";
    public const string LeftBehindKey = "cleanup-left-behind";
    public const string ReadinessGroup = "readiness";

    public static IEnumerable<RecoveryFinding> Of(RunRecord run)
    {
        foreach (var item in run.Readiness?.Items.Where(i => !i.Passed) ?? [])
        {
            yield return new("bad", Readiness(item));
        }

        if (run.DataLoss is { MetRpo: false } missed)
        {
            yield return new("bad", RpoMissed(missed));
        }

        if (run.DataLoss is { BackupDefects: > 0 } defective)
        {
            yield return new("bad", Defects(defective));
        }

        if (run.RestoredFrom.Any(r => r.Copy == RestoredBackup.Baseline || r.BackupId is null))
        {
            yield return new("warn", new(BaselineKey,
                new(BackupText.OwnSnapshot.Vi + ": khả năng khôi phục từ bản sao lưu thật của cơ quan chưa được chứng minh.",
                    BackupText.OwnSnapshot.En + ": recovery from the agency's real backup is not proven."),
                new("Khai báo bản sao lưu của hệ thống trong danh mục (backup: method, lịch sao lưu) và khôi phục từ đó (restore-backup: latest), để diễn tập đo đúng việc khôi phục mà cơ quan sẽ phải làm.",
                    "Declare the system's backup in the catalogue (backup: method, schedule) and restore from it (restore-backup: latest), so the drill measures the recovery the agency would really make."),
                null));
        }

        var fallbacks = run.RestoredFrom.Where(r => BackupText.Fallback(r) is not null).ToList();
        if (fallbacks.Count > 0)
        {
            yield return new("warn", new(FallbackKey,
                new("Bản sao lưu được yêu cầu bị hỏng hoặc không còn; việc khôi phục phải dùng bản cũ hơn hoặc bản ngoại tuyến (" + string.Join("; ", fallbacks.Select(f => BackupText.Copy(f).Vi)) + ").",
                    "The backup asked for was damaged or gone; recovery fell back to an older backup or the offline copy (" + string.Join("; ", fallbacks.Select(f => BackupText.Copy(f).En)) + ")."),
                new("Tìm vì sao bản sao lưu bị hỏng hoặc bị xoá, bảo vệ các bản sao lưu (bản ngoại tuyến, không sửa được, tách khỏi máy chủ) và kiểm tra mã băm ngay sau mỗi lần sao lưu.",
                    "Find why the backup was damaged or deleted, protect the backup copies (offline, immutable, out of the server's reach) and verify checksums right after every backup."),
                string.Join(Environment.NewLine, fallbacks.Select(f => $"{f.BackupId ?? "baseline"} ({f.Copy}): {f.Fallback}"))));
        }

        if (CleanupSection.LeftBehind(run) is { Count: > 0 } left)
        {
            yield return new("bad", new(LeftBehindKey,
                new($"Sau diễn tập còn sót lại {left.Count} tài nguyên chưa được dọn (container, mạng, tiến trình, tệp tạm hoặc hệ thống đích chưa trở lại bình thường).",
                    $"{left.Count} thing(s) the drill created or changed were left behind after it (containers, networks, processes, temp files, or a target not back to normal)."),
                new("Dọn ngay các tài nguyên còn sót (xem danh sách trong phụ lục bằng chứng), kiểm tra hệ thống đích hoạt động bình thường, rồi tìm vì sao việc dọn dẹp không hoàn tất trước lần diễn tập tiếp theo.",
                    "Remove what was left behind now (see the list in the evidence annex), check the target works normally, then find why the cleanup did not complete before the next drill."),
                string.Join(Environment.NewLine, left)));
        }
    }

    private static PlanFinding Readiness(ReadinessItem item)
    {
        var name = ReadinessSection.ShortName(item.Name);
        return new($"{ReadinessGroup}:{item.Name}",
            new($"Cổng kiểm tra sẵn sàng không đạt ở mục {name.Vi}: diễn tập không được bắt đầu.",
                $"The readiness gate failed on {name.En}: the drill was not started."),
            item.Name switch
            {
                "image" => new("Đưa ảnh container đã khai báo lên máy (hoặc sửa tên ảnh trong danh mục), rồi chạy lại diễn tập.",
                    "Put the declared container image on the machine (or fix its name in the catalogue), then run the drill again."),
                "checks" => new("Đưa hệ thống về trạng thái bình thường để mọi kiểm tra đều đạt trước khi diễn tập, hoặc sửa kiểm tra không phản ánh đúng trạng thái.",
                    "Bring the system back to normal so every check passes before the drill, or fix a check that does not reflect its state."),
                "backup" => new("Sao lưu thường xuyên hơn (backup.schedule) để bản mới nhất luôn nguyên vẹn và mới hơn rpo_target; kiểm tra mã băm sau mỗi lần sao lưu.",
                    "Back up more often (backup.schedule) so the newest backup is always intact and younger than rpo_target; verify checksums after every backup."),
                "disk" => new("Giải phóng dung lượng trong thư mục dữ liệu của drills (xoá bản chụp cũ) hoặc chuyển nó sang ổ đủ chỗ (--data-dir).",
                    "Free space in drills' data directory (delete old snapshots) or move it to a disk with room (--data-dir)."),
                _ => new("Khắc phục mục không đạt theo quan sát ghi nhận rồi chạy lại diễn tập.", "Fix the failed item as its observation says, then run the drill again."),
            },
            item.Observation);
    }

    private static PlanFinding RpoMissed(DataLoss loss)
    {
        var window = HumanDuration.Format(TimeSpan.FromSeconds(loss.LossWindowSeconds));
        var target = HumanDuration.Format(TimeSpan.FromSeconds(loss.RpoTargetSeconds ?? 0));
        return new(RpoMissedKey,
            new($"Mất dữ liệu vượt mục tiêu điểm khôi phục: cửa sổ {window} so với rpo_target {target}; {loss.MarkersLost} bản ghi bị mất.",
                $"Data loss beyond the recovery point target: a {window} window against the {target} rpo_target; {loss.MarkersLost} record(s) lost."),
            new("Sao lưu thường xuyên hơn (backup.schedule) hoặc sao chép liên tục (nhật ký giao dịch, bản sao) để bản sao lưu mới nhất không bao giờ cũ hơn rpo_target; diễn tập lại để đo.",
                "Back up more often (backup.schedule) or replicate continuously (transaction logs, a replica) so the newest backup is never older than rpo_target; drill again to measure it."),
            loss is { LostFromUtc: { } from, LostToUtc: { } to }
                ? $"lost {loss.MarkersLost} of {loss.MarkersWritten} markers written {ZonedTime.Utc(from)} → {ZonedTime.Utc(to)}; backup {loss.BackupId ?? "baseline"}"
                : $"lost {loss.MarkersLost} of {loss.MarkersWritten} markers; backup {loss.BackupId ?? "baseline"}");
    }

    private static PlanFinding Defects(DataLoss loss) => new(DefectsKey,
        new($"Bản sao lưu thiếu dữ liệu: {loss.BackupDefects} bản ghi đã có trước khi sao lưu không còn sau khi khôi phục.",
            $"The backup lacked data: {loss.BackupDefects} record(s) written before it were missing after the restore."),
        new("Kiểm tra phương pháp sao lưu: chụp nhất quán (tạm dừng ghi hoặc dump trong một giao dịch), sao lưu đủ mọi đường dẫn dữ liệu, rồi thử khôi phục và đối chiếu số bản ghi.",
            "Check the backup method: take a consistent copy (quiesce writes, or dump in one transaction), cover every data path, then test a restore and compare record counts."),
        string.Join(", ", loss.Markers.Where(m => m is { Written: true, Present: false, AfterBackup: false }).Take(DataLossSection.ListedMarkers).Select(m => m.Marker)));

    /// <summary>Why a run could not re-test an action these findings raise, or null when it could; null too for a key not raised here.</summary>
    public static Bilingual? WhyNotRetested(string group, RunRecord run) => group switch
    {
        ReadinessGroup when run.Readiness is null => new("lần diễn tập này không có cổng kiểm tra sẵn sàng", "this drill had no readiness gate"),
        RpoMissedKey or DefectsKey when run.DataLoss is null => new("lần diễn tập này không đo mất dữ liệu", "this drill did not measure data loss"),
        BaselineKey or FallbackKey when run.RestoredFrom.Count == 0 => new("lần diễn tập này không khôi phục từ bản sao lưu nào", "this drill restored no backup"),
        LeftBehindKey when run.Cleanup is null => new("lần diễn tập này không ghi nhận việc dọn dẹp", "this drill recorded no cleanup scan"),
        _ => null,
    };

    /// <summary>The groups of keys these findings raise.</summary>
    public static bool Raises(string group) =>
        group is ReadinessGroup or RpoMissedKey or DefectsKey or BaselineKey or FallbackKey or LeftBehindKey;
}
