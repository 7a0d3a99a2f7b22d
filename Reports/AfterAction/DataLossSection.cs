using System.Globalization;
using Drills.Reports.Formatting;
using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>The data-loss section: figures by stable id, the lost and defective markers, and the marker chart; or why nothing was measured.</summary>
internal sealed record DataLossView(
    bool Measured,
    BiText NotMeasured,
    IReadOnlyList<LossRow> Rows,
    IReadOnlyList<MarkerRow> Markers,
    BiText MarkersNote,
    LossChartView Chart)
{
    public bool HasMarkers => Markers.Count > 0;
}

/// <summary>One figure of the section; <see cref="Id"/> is its stable element id (<c>data-loss-lost</c>, …).</summary>
internal sealed record LossRow(HtmlText Id, BiText Label, BiText Value, BiText Note, HtmlText Tone);

/// <summary>A marker that did not come back: lost after the backup, or a backup defect before it.</summary>
internal sealed record MarkerRow(HtmlText Marker, HtmlText WrittenLocal, HtmlText WrittenUtc, BiText Fate, HtmlText Tone);

/// <summary>Data loss (RPO) as the canary measured it, against the system's rpo_target.</summary>
internal static class DataLossSection
{
    /// <summary>Lost and defective markers listed by name, at most this many each; the span and the chart cover the rest.</summary>
    public const int ListedMarkers = 20;

    public static DataLossView Build(RunRecord run, ZonedTime time)
    {
        if (run.DataLoss is not { } loss)
        {
            return new DataLossView(false, BiText.Of(WhyNotMeasured(run)), [], [], BiText.Empty, DataLossChart.None);
        }

        var lost = loss.Markers.Where(m => m is { Written: true, Present: false, AfterBackup: true }).ToList();
        var defects = loss.Markers.Where(m => m is { Written: true, Present: false, AfterBackup: false }).ToList();
        var listed = lost.Take(ListedMarkers).Select(m => Marker(m, time, new("Mất", "Lost"), "bad"))
            .Concat(defects.Take(ListedMarkers).Select(m => Marker(m, time, new("Lỗi bản sao lưu", "Backup defect"), "warn")))
            .ToList();
        var note = lost.Count + defects.Count > listed.Count
            ? new Bilingual($"Liệt kê {listed.Count} trên {lost.Count + defects.Count} mốc không còn; khoảng mất dữ liệu và biểu đồ bao gồm tất cả.",
                $"{listed.Count} of {lost.Count + defects.Count} missing markers listed; the lost span and the chart cover them all.")
            : Bilingual.Same("");
        return new DataLossView(true, BiText.Empty, Rows(run, loss, time).ToList(), listed, BiText.Of(note), DataLossChart.Build(run, loss, time));
    }

    /// <summary>One plain sentence: why this run has no data-loss figures.</summary>
    public static Bilingual WhyNotMeasured(RunRecord run)
    {
        if (run.Outcome == RunOutcome.Skipped || !AttackFacts.Began(run))
        {
            return new("Không đo: không có gì bị tấn công.", "Not measured: nothing was attacked.");
        }

        if (run.RestoredFrom.Any(r => r.BackupId is not null))
        {
            return new("Không đo: hệ thống không khai báo canary (bản ghi đánh dấu), nên không lần được dữ liệu nào đã ghi trước khi tấn công.",
                "Not measured: the system declares no canary (marker records), so no record written before the attack could be traced.");
        }

        return new("Không đo: diễn tập không khôi phục từ bản sao lưu nào cũ hơn thời điểm tấn công, nên không có khoảng thời gian nào để mất dữ liệu.",
            "Not measured: the drill restored no backup older than its attack, so there was no window in which data could be lost.");
    }

    private static IEnumerable<LossRow> Rows(RunRecord run, DataLoss loss, ZonedTime time)
    {
        var missed = loss.MetRpo == false;
        yield return Row("written", new("Số mốc đã ghi", "Markers written"), Count(loss.MarkersWritten),
            new("Ghi thành công, từ trước bản sao lưu đến T0", "Written successfully, from before the backup until T0"), "neutral");
        yield return Row("present", new("Còn sau khôi phục", "Present after recovery"), Count(loss.MarkersPresent), None, "neutral");
        yield return Row("lost", new("Bản ghi bị mất", "Records lost"), Count(loss.MarkersLost),
            new("Ghi sau bản sao lưu và không còn sau khôi phục", "Written after the backup and missing after recovery"),
            loss.MarkersLost == 0 ? "good" : missed ? "bad" : "warn");
        yield return Row("span", new("Khoảng dữ liệu bị mất", "Lost span"), Span(loss, time), SpanUtc(loss), loss.MarkersLost == 0 ? "neutral" : "warn");
        yield return Row("window", new("Cửa sổ mất dữ liệu", "Loss window"), Bilingual.Same(HumanDuration.Format(TimeSpan.FromSeconds(loss.LossWindowSeconds))),
            new("T0 trừ thời điểm lấy bản sao lưu được khôi phục", "T0 minus the time the restored backup was taken"), missed ? "bad" : "neutral");
        yield return Rpo(loss);
        yield return Row("backup", new("Bản sao lưu được khôi phục", "Backup restored"), Restored(run, loss), RestoredNote(loss, time),
            loss.BackupId is null ? "warn" : "neutral");
        yield return Row("defects", new("Lỗi bản sao lưu", "Backup defects"), Count(loss.BackupDefects),
            new("Mốc ghi trước bản sao lưu nhưng không còn sau khôi phục: bản sao lưu thiếu dữ liệu lẽ ra phải có (tính riêng, không phải mất dữ liệu)",
                "Markers written before the backup yet missing after recovery: the backup lacked what it should hold (counted apart, not as loss)"),
            loss.BackupDefects > 0 ? "bad" : "neutral");
        yield return Row("writes-failed", new("Lần ghi thất bại", "Failed writes"), Count(loss.WritesFailed),
            new("Hệ thống từ chối ghi; không tính là đã ghi", "The system refused the write; not counted as written"),
            loss.WritesFailed > 0 ? "warn" : "neutral");
    }

    private static LossRow Rpo(DataLoss loss)
    {
        if (loss.RpoTargetSeconds is not { } target)
        {
            return Row("rpo", new("Mục tiêu điểm khôi phục (rpo_target)", "Recovery point target (rpo_target)"), new("Không khai báo", "Not declared"),
                new("Hệ thống không khai báo rpo_target nên không có kết luận", "The system declares no rpo_target, so there is no verdict"), "neutral");
        }

        var shown = HumanDuration.Format(TimeSpan.FromSeconds(target));
        return loss.MetRpo == false
            ? Row("rpo", new("Mục tiêu điểm khôi phục (rpo_target)", "Recovery point target (rpo_target)"), Bilingual.Same(shown),
                new("Không đạt: cửa sổ mất dữ liệu vượt mục tiêu", "Missed: the loss window exceeds the target"), "bad")
            : Row("rpo", new("Mục tiêu điểm khôi phục (rpo_target)", "Recovery point target (rpo_target)"), Bilingual.Same(shown),
                new("Đạt: cửa sổ mất dữ liệu nằm trong mục tiêu", "Met: the loss window is within the target"), "good");
    }

    private static Bilingual Restored(RunRecord run, DataLoss loss)
    {
        if (loss.BackupId is null)
        {
            return new("Bản chụp của chính cuộc diễn tập", "The drill's own snapshot");
        }

        var copy = run.RestoredFrom.LastOrDefault(r => r.BackupId == loss.BackupId);
        return copy is null ? Bilingual.Same(loss.BackupId) : BackupText.Copy(copy);
    }

    private static Bilingual RestoredNote(DataLoss loss, ZonedTime time)
    {
        if (loss.BackupId is null)
        {
            return BackupText.OwnSnapshot;
        }

        var taken = loss.BackupTakenAtUtc is { } at ? $"{time.DateTime(at)} (UTC {ZonedTime.Utc(at)})" : "—";
        return new($"Lấy lúc {taken}", $"Taken at {taken}");
    }

    private static Bilingual Span(DataLoss loss, ZonedTime time) => loss is { LostFromUtc: { } from, LostToUtc: { } to }
        ? Bilingual.Same($"{time.Date(from)} {time.TimeOfDay(from)} → {time.TimeOfDay(to)} ({HumanDuration.Format(to - from)})")
        : new("Không có", "None");

    private static Bilingual SpanUtc(DataLoss loss) => loss is { LostFromUtc: { } from, LostToUtc: { } to }
        ? Bilingual.Same($"UTC {ZonedTime.Utc(from)} → {ZonedTime.Utc(to)}")
        : new("Không mốc nào bị mất", "No marker was lost");

    private static MarkerRow Marker(CanaryMarker marker, ZonedTime time, Bilingual fate, string tone) => new(
        HtmlText.Encode(marker.Marker),
        HtmlText.Encode(time.TimeOfDay(marker.WrittenAtUtc)),
        HtmlText.Encode(ZonedTime.Utc(marker.WrittenAtUtc)),
        BiText.Of(fate),
        HtmlText.Encode(tone));

    private static LossRow Row(string id, Bilingual label, Bilingual value, Bilingual note, string tone) =>
        new(HtmlText.Encode("data-loss-" + id), BiText.Of(label), BiText.Of(value), BiText.Of(note), HtmlText.Encode(tone));

    private static Bilingual Count(int value) => Bilingual.Same(value.ToString(CultureInfo.InvariantCulture));

    private static Bilingual None => Bilingual.Same("");
}
