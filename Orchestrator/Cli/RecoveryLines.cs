using Drills.Reports.AfterAction;
using Drills.Reports.Formatting;
using Drills.Scenarios.RunRecords;
using static System.FormattableString;

namespace Drills.Orchestrator.Cli;

/// <summary>
/// The lines <c>drills run</c> prints under a drill's outcome, one each: the data lost against rpo_target, the copy
/// each restore used, and what the cleanup scan found and removed. Spectre markup, every recorded text escaped.
/// </summary>
internal static class RecoveryLines
{
    public static IEnumerable<string> Of(RunRecord run)
    {
        if (DataLoss(run) is { } loss)
        {
            yield return loss;
        }

        if (run.RestoredFrom.Count > 0)
        {
            yield return "  restored from: " + string.Join("; ", run.RestoredFrom.Select(Restored));
        }

        if (run.Cleanup is { } cleanup)
        {
            yield return Cleanup(run, cleanup);
        }
    }

    private static string? DataLoss(RunRecord run)
    {
        if (run.DataLoss is not { } loss)
        {
            // Nothing to say about a run that attacked nothing.
            return AttackFacts.Began(run) ? $"  data loss: {Escape(DataLossSection.WhyNotMeasured(run).En)}" : null;
        }

        var window = HumanDuration.Format(TimeSpan.FromSeconds(loss.LossWindowSeconds));
        var span = loss is { LostFromUtc: { } from, LostToUtc: { } to } ? $" written {ZonedTime.Utc(from)} → {ZonedTime.Utc(to)}" : "";
        var rpo = loss switch
        {
            { RpoTargetSeconds: null } => "no rpo_target declared",
            { MetRpo: false } => $"[red bold]beyond rpo_target {HumanDuration.Format(TimeSpan.FromSeconds(loss.RpoTargetSeconds.Value))}[/]",
            _ => $"[green]within rpo_target {HumanDuration.Format(TimeSpan.FromSeconds(loss.RpoTargetSeconds.Value))}[/]",
        };
        var apart = (loss.BackupDefects > 0 ? Invariant($", [red]{loss.BackupDefects} backup defect(s)[/]") : "")
                    + (loss.WritesFailed > 0 ? Invariant($", {loss.WritesFailed} failed write(s)") : "");
        return Invariant($"  data loss: [bold]{loss.MarkersLost}[/] of {loss.MarkersWritten} records lost{span}; loss window {window}, {rpo}{apart}");
    }

    private static string Restored(RestoredBackup restored)
    {
        if (restored.Copy == RestoredBackup.Baseline || restored.BackupId is null)
        {
            return "[yellow]the drill's own snapshot, not an agency backup[/]";
        }

        var copy = Escape(BackupText.Copy(restored).En);
        return BackupText.Fallback(restored) is { } why ? $"{copy} [yellow](fallback: {Escape(why.En)})[/]" : copy;
    }

    private static string Cleanup(RunRecord run, Cleanup cleanup)
    {
        var left = CleanupSection.LeftBehind(run);
        if (left.Count > 0)
        {
            return $"  cleanup: [red bold]left behind {Escape(string.Join(", ", left))}[/]" +
                   (cleanup.Removed.Count > 0 ? $"; removed {Escape(string.Join(", ", cleanup.Removed))}" : "");
        }

        return cleanup.Removed.Count > 0 ? $"  cleanup: removed {Escape(string.Join(", ", cleanup.Removed))}; nothing left behind" : "  cleanup: nothing left behind";
    }

    private static string Escape(string text) => TerminalMarkup.Escape(text);
}
