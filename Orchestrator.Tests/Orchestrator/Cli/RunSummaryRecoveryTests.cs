using System.Text.Json;
using Drills.Orchestrator.Cli;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Tests.Reports;
using Drills.Scenarios.RunRecords;
using Spectre.Console;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

/// <summary><c>drills run --json</c> carries dataLoss, cleanup, readiness and restoredFrom; the human summary gives each one line.</summary>
public sealed class RunSummaryRecoveryTests
{
    [Fact]
    public void Json_carries_data_loss_figures_without_the_markers()
    {
        var json = Json(RecoveryRuns.LossMissed());

        var loss = json.GetProperty("dataLoss");
        Assert.Equal(9, loss.GetProperty("markersWritten").GetInt32());
        Assert.Equal(5, loss.GetProperty("markersPresent").GetInt32());
        Assert.Equal(3, loss.GetProperty("markersLost").GetInt32());
        Assert.Equal(0.9, loss.GetProperty("lossWindowSeconds").GetDouble());
        Assert.Equal(0.5, loss.GetProperty("rpoTargetSeconds").GetDouble());
        Assert.False(loss.GetProperty("metRpo").GetBoolean());
        Assert.Equal(RecoveryRuns.BackupId, loss.GetProperty("backupId").GetString());
        Assert.Equal(RecoveryRuns.BackupTaken, loss.GetProperty("backupTakenAtUtc").GetDateTimeOffset());
        Assert.Equal(SampleRuns.Start.AddMilliseconds(200), loss.GetProperty("lostFromUtc").GetDateTimeOffset());
        Assert.Equal(SampleRuns.Start.AddMilliseconds(600), loss.GetProperty("lostToUtc").GetDateTimeOffset());
        Assert.Equal(1, loss.GetProperty("backupDefects").GetInt32());
        Assert.Equal(1, loss.GetProperty("writesFailed").GetInt32());
        Assert.False(loss.TryGetProperty("markers", out _));
    }

    [Fact]
    public void Json_carries_cleanup_as_exactly_found_and_removed()
    {
        var cleanup = Json(RecoveryRuns.Named("leftovers")).GetProperty("cleanup");

        Assert.Equal(["found", "removed"], cleanup.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["h-1", "h-2"], cleanup.GetProperty("found").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["h-1"], cleanup.GetProperty("removed").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Json_carries_readiness_and_the_copy_each_restore_used()
    {
        var refused = Json(RecoveryRuns.Refused()).GetProperty("readiness");
        var restored = Json(RecoveryRuns.Named("fallback")).GetProperty("restoredFrom")[0];

        Assert.False(refused.GetProperty("passed").GetBoolean());
        Assert.Equal("backup", refused.GetProperty("items")[2].GetProperty("name").GetString());
        Assert.Equal("b-2", refused.GetProperty("items")[2].GetProperty("observation").GetString());
        Assert.Equal(RecoveryRuns.BackupId, restored.GetProperty("backupId").GetString());
        Assert.Equal("offline", restored.GetProperty("copy").GetString());
        Assert.Equal(RecoveryRuns.Refusal, restored.GetProperty("fallback").GetString());
    }

    [Fact]
    public void Json_of_a_run_without_them_says_null_and_an_empty_list()
    {
        var json = Json(OutcomeRuns.Passed());

        Assert.Equal(JsonValueKind.Null, json.GetProperty("dataLoss").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("cleanup").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("readiness").ValueKind);
        Assert.Equal(0, json.GetProperty("restoredFrom").GetArrayLength());
    }

    [Fact]
    public void Human_summary_prints_data_loss_restore_source_and_cleanup_one_line_each()
    {
        var lines = Printed(RecoveryRuns.LossMissed() with { Cleanup = new(["h-1", "h-2"], ["h-1"]) });

        Assert.Equal(3, lines.Count);
        Assert.Equal("  data loss: 3 of 9 records lost written 2026-11-22T19:00:00.200Z → 2026-11-22T19:00:00.600Z; loss window 900 ms, beyond rpo_target 500 ms, 1 backup defect(s), 1 failed write(s)", lines[0]);
        Assert.Equal($"  restored from: Backup {RecoveryRuns.BackupId} (online copy)", lines[1]);
        Assert.Equal("  cleanup: left behind h-2; removed h-1", lines[2]);
    }

    [Fact]
    public void Human_summary_says_plainly_when_the_drill_restored_its_own_snapshot_and_why_no_loss_was_measured()
    {
        var lines = Printed(RecoveryRuns.Named("baseline"));

        Assert.Equal(
        [
            "  data loss: Not measured: the drill restored no backup older than its attack, so there was no window in which data could be lost.",
            "  restored from: the drill's own snapshot, not an agency backup",
            "  cleanup: nothing left behind",
        ], lines);
    }

    [Fact]
    public void Human_summary_names_a_fallback_and_keeps_markup_in_recorded_text_as_text()
    {
        var run = RecoveryRuns.Named("fallback") with { Cleanup = new(["[red]x[/]"], []) };

        var lines = Printed(run);

        Assert.Contains($"  restored from: Backup {RecoveryRuns.BackupId} (offline copy) (fallback: {RecoveryRuns.Refusal})", lines);
        Assert.Contains("  cleanup: left behind [red]x[/]", lines);
    }

    [Fact]
    public void Human_summary_of_a_run_that_attacked_nothing_says_nothing_of_data_loss()
    {
        Assert.Equal(["  cleanup: nothing left behind"], Printed(RecoveryRuns.Refused()));
    }

    private static JsonElement Json(RunRecord run) =>
        JsonDocument.Parse(JsonSerializer.Serialize(RunSummary.From(run, 0), RunJson.Options)).RootElement;

    /// <summary>Each line as a terminal shows it: the markup rendered, with no colour.</summary>
    private static List<string> Printed(RunRecord run)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), ColorSystem = ColorSystemSupport.NoColors, Ansi = AnsiSupport.No });
        console.Profile.Width = 1000;
        foreach (var line in RecoveryLines.Of(run))
        {
            console.MarkupLine(line);
        }

        return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
    }
}
