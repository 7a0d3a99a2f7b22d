using System.Globalization;
using Drills.Reports.Formatting;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>
/// Which copy each restore-backup step restored: an agency backup (its id, online or offline copy, why another
/// than asked was used), or the drill's own baseline snapshot, said plainly.
/// </summary>
internal static class RecoverySourceRows
{
    public static IEnumerable<MetricRow> For(RunRecord run, ZonedTime time)
    {
        var restores = run.RestoredFrom;
        for (var i = 0; i < restores.Count; i++)
        {
            var restored = restores[i];
            var which = restores.Count == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" #{i + 1}");
            var tone = restored.Copy == RestoredBackup.Baseline || restored.BackupId is null || restored.Fallback is not null ? "warn" : "good";
            yield return Metrics.Row(new("Nguồn khôi phục" + which, "Recovery source" + which), BackupText.Copy(restored), BackupText.Note(restored, time), tone);
        }
    }
}
