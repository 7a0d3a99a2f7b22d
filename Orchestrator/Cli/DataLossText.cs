using Drills.Scenarios.Durations;
using Drills.Scenarios.RunRecords;
using static System.FormattableString;

namespace Drills.Orchestrator.Cli;

/// <summary>The one line a drill's data loss takes in the human summary: records lost, and the loss window against rpo_target.</summary>
internal static class DataLossText
{
    public static string Of(DataLoss loss)
    {
        var window = Invariant($"loss window {loss.LossWindowSeconds:0.000} s");
        var rpo = loss.RpoTargetSeconds is { } target
            ? $" against rpo_target {DurationText.Format(TimeSpan.FromSeconds(target))} ({(loss.MetRpo == true ? "met" : "MISSED")})"
            : " (no rpo_target)";
        var defects = loss.BackupDefects > 0 ? $"; {loss.BackupDefects} backup defects" : "";
        return $"data loss: {loss.MarkersLost} of {loss.MarkersWritten} canary records lost since backup {loss.BackupId}; {window}{rpo}{defects}";
    }
}
