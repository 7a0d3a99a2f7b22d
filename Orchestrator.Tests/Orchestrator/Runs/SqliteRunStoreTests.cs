using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Tests.Reports;
using Drills.Scenarios.RunRecords;
using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Tests.Orchestrator.Runs;

public sealed class SqliteRunStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "drills-store-" + Guid.NewGuid().ToString("N"));
    private string File => Path.Combine(_folder, "nested", "drills.db");

    [Fact]
    public void Journal_written_event_by_event_is_all_there_for_a_new_process()
    {
        var writer = new SqliteRunStore(File);
        writer.Begin(Run("r1", RunOutcome.Running));
        var sink = writer.JournalFor("r1");
        sink.Append(new JournalEvent(1, JournalMark.Started, At(0), TimeSpan.Zero, "started"));
        sink.Append(new JournalEvent(2, JournalMark.AttackStart, At(2), TimeSpan.FromSeconds(2), "attack", "T0"));

        // No Complete: as if the process died mid-drill. A fresh store on the same file is a new process's view.
        SqliteConnection.ClearAllPools();
        var reader = new SqliteRunStore(File);
        var run = reader.Find("r1");

        Assert.NotNull(run);
        Assert.Equal(RunOutcome.Running, run!.Outcome);
        Assert.Equal(["started", "attack"], run.Journal.Select(e => e.Message));
        Assert.Equal(TimeSpan.FromSeconds(2), run.Journal[1].Elapsed);
        Assert.Equal("T0", run.Journal[1].Detail);
    }

    [Fact]
    public void Completed_run_keeps_its_measurements_and_report_path()
    {
        var store = new SqliteRunStore(File);
        store.Begin(Run("r2", RunOutcome.Running));
        store.Complete(Run("r2", RunOutcome.Passed) with { RecoveryTime = TimeSpan.FromMilliseconds(2345), ImpactObserved = true });
        store.SetReportPath("r2", "/tmp/r2.html");

        var run = store.Find("r2")!;

        Assert.Equal(RunOutcome.Passed, run.Outcome);
        Assert.Equal(TimeSpan.FromMilliseconds(2345), run.RecoveryTime);
        Assert.True(run.ImpactObserved);
        Assert.Equal("/tmp/r2.html", run.ReportPath);
    }

    [Fact]
    public void Runs_are_listed_newest_first()
    {
        var store = new SqliteRunStore(File);
        store.Begin(Run("old", RunOutcome.Passed, At(0)));
        store.Begin(Run("new", RunOutcome.Failed, At(60)));

        Assert.Equal(["new", "old"], store.List(10).Select(r => r.RunId));
    }

    [Fact]
    public void A_late_checkpoint_never_reopens_a_run_that_has_ended()
    {
        var store = new SqliteRunStore(File);
        store.Begin(Run("r1", RunOutcome.Running));
        store.Checkpoint(Run("r1", RunOutcome.Running) with { ImageDigest = "sha256:checkpointed" });
        store.Complete(Run("r1", RunOutcome.Passed) with { ImageDigest = "sha256:checkpointed" });

        store.Checkpoint(Run("r1", RunOutcome.Running));

        var stored = store.Find("r1")!;
        Assert.Equal(RunOutcome.Passed, stored.Outcome);
        Assert.Equal("sha256:checkpointed", stored.ImageDigest);
    }

    [Fact]
    public void A_new_run_with_an_id_already_recorded_is_refused_and_the_recorded_run_kept()
    {
        var store = new SqliteRunStore(File);
        store.Begin(Run("r1", RunOutcome.Running) with { ScenarioId = "first" });

        Assert.Throws<InvalidOperationException>(() => store.Begin(Run("r1", RunOutcome.Running) with { ScenarioId = "second" }));

        Assert.Equal("first", store.Find("r1")!.ScenarioId);
    }

    [Fact]
    public void Every_commit_is_synced_to_disk()
    {
        _ = new SqliteRunStore(File);
        using var connection = new SqliteFile(File).Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";

        Assert.Equal(2L, command.ExecuteScalar()); // FULL
    }

    private static DateTimeOffset At(int seconds) => new DateTimeOffset(2026, 11, 23, 19, 0, 0, TimeSpan.Zero).AddSeconds(seconds);

    private static RunRecord Run(string id, RunOutcome outcome, DateTimeOffset? started = null) =>
        SampleRuns.Passed() with { RunId = id, Outcome = outcome, StartedAtUtc = started ?? At(0), Journal = [] };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
