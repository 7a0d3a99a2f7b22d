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

    /// <summary>The backup store's refusals translated (each as it words them); ids, paths, hashes and anything unknown kept as recorded.</summary>
    private static string Vietnamese(string english) =>
        Refusals.Aggregate(english, (text, refusal) => refusal.English.Replace(text, match => refusal.Vietnamese
            .Replace("{copy}", CopyWord(match.Groups["copy"].Value), StringComparison.Ordinal)
            .Replace("{id}", match.Groups["id"].Value, StringComparison.Ordinal)
            .Replace("{system}", match.Groups["system"].Value, StringComparison.Ordinal)
            .Replace("{file}", match.Groups["file"].Value, StringComparison.Ordinal)
            .Replace("{where}", match.Groups["where"].Value, StringComparison.Ordinal)
            .Replace("{expected}", match.Groups["expected"].Value, StringComparison.Ordinal)
            .Replace("{found}", match.Groups["found"].Value, StringComparison.Ordinal)));

    private static string CopyWord(string copy) => copy switch
    {
        RestoredBackup.Online => "bản trực tuyến",
        RestoredBackup.Offline => "bản ngoại tuyến",
        _ => copy,
    };

    // Backups/BackupStore.Copies words each refusal "Backup ID of SYSTEM: its …; refusing to restore from it"; AgencyRestore joins them with "; ".
    private static readonly (Regex English, string Vietnamese)[] Refusals =
    [
        (Refusal(@"its checksum does not match \((?<copy>\w+) copy, (?<file>[^:]+): expected sha256 (?<expected>\S+), found (?<found>\S+)\)"),
            "Bản sao lưu {id} của {system}: mã băm không khớp ({copy}, {file}: cần sha256 {expected}, thấy {found}); không dùng để khôi phục"),
        (Refusal(@"its (?<copy>\w+) copy is gone from (?<where>.+?) \((?<file>\S+) deleted\)"),
            "Bản sao lưu {id} của {system}: {copy} không còn ở {where} ({file} đã bị xoá); không dùng để khôi phục"),
        (Refusal(@"its (?<copy>\w+) copy is incomplete: (?<file>\S+) is missing"),
            "Bản sao lưu {id} của {system}: {copy} không đầy đủ, thiếu {file}; không dùng để khôi phục"),
    ];

    private static Regex Refusal(string why) =>
        new(@"Backup (?<id>\S+) of (?<system>\S+): " + why + "; refusing to restore from it", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
