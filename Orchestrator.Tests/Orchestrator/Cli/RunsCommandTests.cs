using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Tests.Integration;
using Drills.Orchestrator.Tests.Reports;
using Drills.Scenarios.RunRecords;
using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

/// <summary><c>drills runs</c> as a table an operator reads and copies run ids from.</summary>
public sealed class RunsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("drills-runs-").FullName;

    [Fact]
    public async Task Table_keeps_run_ids_whole_shows_local_times_how_each_run_started_and_why_it_was_skipped_or_aborted()
    {
        var store = new SqliteRunStore(Path.Combine(_folder, "drills.db"));
        store.Begin(SampleRuns.Passed() with { RunId = "20261122-190000-aaaa", TimeZone = "Asia/Ho_Chi_Minh", Origin = new RunOrigin(RunTrigger.CatchUp, SampleRuns.Start, TimeSpan.FromSeconds(12), "x") });
        store.Begin(SampleRuns.Passed() with
        {
            RunId = "20261122-190100-bbbb", Outcome = RunOutcome.Skipped, StartedAtUtc = SampleRuns.Start.AddMinutes(1), RecoveryTime = null,
            SkipReason = "missed while the service was down (2026-11-22 19:00:00 UTC); the latest is 2h old, beyond the 1h grace period",
            Origin = new RunOrigin(RunTrigger.Schedule, SampleRuns.Start),
        });
        store.Begin(SampleRuns.Aborted() with { RunId = "20261122-190200-cccc", StartedAtUtc = SampleRuns.Start.AddMinutes(2), AbortReason = "orchestrator restarted" });
        SqliteConnection.ClearAllPools();

        var result = await CliProcess.RunAsync("runs", "--data-dir", _folder);

        Assert.Equal(ExitCodes.Passed, result.ExitCode);
        Assert.Contains("20261122-190000-aaaa", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("20261122-190100-bbbb", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2026-11-23 02:00:00 +07:00", result.Stdout, StringComparison.Ordinal);
        // Cells wrap inside the table's borders: look for each cell's words, not for one line.
        var cells = Words(result.Stdout);
        Assert.Contains("catch-up (waited 12s)", cells, StringComparison.Ordinal);
        Assert.Contains("skipped: missed while the service was down", cells, StringComparison.Ordinal);
        Assert.Contains("aborted: orchestrator restarted", cells, StringComparison.Ordinal);
    }

    /// <summary>The table's text column by column: borders dropped, each column's wrapped lines joined.</summary>
    private static string Words(string table)
    {
        var rows = table.Split('\n').Where(l => l.StartsWith('│')).Select(l => l.Split('│')).ToList();
        var columns = rows.Max(r => r.Length);
        return string.Join(" | ", Enumerable.Range(0, columns).Select(c => string.Join(' ', rows.Where(r => c < r.Length).Select(r => r[c].Trim()).Where(t => t.Length > 0))));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
