using System.Text.RegularExpressions;
using Drills.Reports.Formatting;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>How a report names the copy a restore used, and why a fallback was needed, in both languages.</summary>
internal static class BackupText
{
    /// <summary>The plain statement a report makes whenever recovery came from the drill's own baseline.</summary>
    public static Bilingual OwnSnapshot { get; } = new(
        "Khôi phục từ bản chụp do chính cuộc diễn tập tạo, không phải từ bản sao lưu của cơ quan",
        "Restored from the drill's own snapshot, not from an agency backup");

    /// <summary>"backup 20261201-143000-a1b2c3d4 (offline copy)", or the drill's own snapshot.</summary>
    public static Bilingual Copy(RestoredBackup restored) => restored switch
    {
        { Copy: RestoredBackup.Baseline } or { BackupId: null } => new("Bản chụp của chính cuộc diễn tập", "The drill's own snapshot"),
        { Copy: RestoredBackup.Offline } => new($"Bản sao lưu {restored.BackupId} (bản ngoại tuyến)", $"Backup {restored.BackupId} (offline copy)"),
        _ => new($"Bản sao lưu {restored.BackupId} (bản trực tuyến)", $"Backup {restored.BackupId} (online copy)"),
    };

    /// <summary>When the copy was taken, with its UTC time, and any fallback; the own-snapshot statement for a baseline.</summary>
    public static Bilingual Note(RestoredBackup restored, ZonedTime time)
    {
        if (restored.Copy == RestoredBackup.Baseline || restored.BackupId is null)
        {
            return OwnSnapshot;
        }

        var taken = restored.TakenAtUtc is { } at ? $"{time.DateTime(at)} (UTC {ZonedTime.Utc(at)})" : "—";
        var fallback = Fallback(restored);
        return new($"Lấy lúc {taken}" + (fallback is null ? "" : $"; dùng bản thay thế: {fallback.Value.Vi}"),
            $"Taken at {taken}" + (fallback is null ? "" : $"; fallback: {fallback.Value.En}"));
    }

    /// <summary>Why another backup or copy than asked was used, in both languages; null when none was needed.</summary>
    public static Bilingual? Fallback(RestoredBackup restored) =>
        string.IsNullOrWhiteSpace(restored.Fallback) ? null : new(Vietnamese(restored.Fallback.Trim()), restored.Fallback.Trim());

    /// <summary>Known words of a fallback reason translated; ids, paths and anything unknown kept as recorded.</summary>
    private static string Vietnamese(string english) =>
        Words.Aggregate(english, (text, word) => word.English.Replace(text, word.Vietnamese));

    private static readonly (Regex English, string Vietnamese)[] Words =
    [
        (new(@"\bchecksum (?:does not match|mismatch(?:ed)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), "mã băm không khớp"),
        (new(@"\b(?:was )?deleted\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), "đã bị xoá"),
        (new(@"\b(?:is )?missing\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), "không còn"),
        (new(@"\boffline copy\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), "bản ngoại tuyến"),
        (new(@"\bonline copy\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), "bản trực tuyến"),
        (new(@"\bbackup\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), "bản sao lưu"),
    ];
}
