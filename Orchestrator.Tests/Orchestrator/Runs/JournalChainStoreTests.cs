using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Tests.Reports;
using Drills.Orchestrator.Tests.Support;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Text;
using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Tests.Orchestrator.Runs;

/// <summary>The run store chains each journal row to the run's last one, over the masked text, and keeps the head with the run.</summary>
public sealed class JournalChainStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "drills-chain-" + Guid.NewGuid().ToString("N"));
    private string File => Path.Combine(_folder, "drills.db");

    [Fact]
    public void Each_row_is_chained_to_the_one_before_and_the_run_keeps_the_head()
    {
        var store = new SqliteRunStore(File);
        store.Begin(Run("r1"));
        Append(store, "r1", 3);

        var run = store.Find("r1")!;

        Assert.Equal(JournalChain.Genesis, run.Journal[0].PreviousHash);
        Assert.Equal(run.Journal[0].Hash, run.Journal[1].PreviousHash);
        Assert.True(JournalChain.Verify(run.Journal, run.ChainHead!.Hash).Intact);
        Assert.Equal(new ChainHead(run.Journal[^1].Hash!, 3), run.ChainHead);
    }

    [Fact]
    public void The_chain_covers_the_masked_text_the_store_keeps()
    {
        const string secret = "chain-store-secret-0f3a";
        Secrets.Register(secret);
        var store = new SqliteRunStore(File);
        store.Begin(Run("r2"));
        store.JournalFor("r2").Append(new JournalEvent(1, JournalMark.Note, Start, TimeSpan.Zero, $"password {secret}", secret));

        var entry = store.Find("r2")!.Journal[0];

        Assert.Equal("password ***", entry.Message);
        Assert.Equal(JournalChain.HashOf(entry, JournalChain.Genesis), entry.Hash);
    }

    [Fact]
    public void A_row_changed_in_the_file_is_found_by_the_chain()
    {
        var store = new SqliteRunStore(File);
        store.Begin(Run("r3"));
        Append(store, "r3", 4);
        Sql("UPDATE journal SET message = 'nothing happened' WHERE run_id = 'r3' AND seq = 2");

        var run = store.Find("r3")!;
        var broken = Assert.Single(JournalChain.Verify(run.Journal, run.ChainHead!.Hash).Breaks);

        Assert.Equal((2, ChainFault.Edited), (broken.Event!.Value, broken.Fault));
    }

    [Fact]
    public void Two_stores_on_one_file_appending_to_one_run_never_fork_the_chain()
    {
        var first = new SqliteRunStore(File);
        var second = new SqliteRunStore(File);
        first.Begin(Run("r4"));

        Parallel.For(1, 41, n => (n % 2 == 0 ? first : second).JournalFor("r4")
            .Append(new JournalEvent(n, JournalMark.Note, Start.AddSeconds(n), TimeSpan.FromSeconds(n), $"event {n}")));
        var run = first.Find("r4")!;

        // Rows are read in number order; links follow insertion order, so every link names a distinct row.
        Assert.Equal(40, run.Journal.Select(e => e.PreviousHash).Distinct().Count());
        Assert.Equal(40, run.ChainHead!.Events);
    }

    [Fact]
    public void A_file_from_before_the_chain_gets_its_columns_and_keeps_its_rows_as_unchained()
    {
        Directory.CreateDirectory(_folder);
        Sql("""
            CREATE TABLE runs (run_id TEXT PRIMARY KEY, scenario_id TEXT NOT NULL, system_id TEXT NOT NULL, started_at_utc TEXT NOT NULL, outcome TEXT NOT NULL, record_json TEXT NOT NULL);
            CREATE TABLE journal (run_id TEXT NOT NULL, seq INTEGER NOT NULL, mark TEXT NOT NULL, ts_utc TEXT NOT NULL, elapsed_ticks INTEGER NOT NULL, message TEXT NOT NULL, detail TEXT, PRIMARY KEY (run_id, seq));
            """);
        var old = Run("old") with { Outcome = RunOutcome.Running };
        Sql($"INSERT INTO runs VALUES ('old', '{old.ScenarioId}', '{old.SystemId}', '{Start:O}', 'Running', '{RunJson.SerializeMasked(old).Replace("'", "''", StringComparison.Ordinal)}')");
        Sql($"INSERT INTO journal VALUES ('old', 1, 'Started', '{Start:O}', 0, 'started by an earlier version', NULL)");

        var store = new SqliteRunStore(File);
        store.JournalFor("old").Append(new JournalEvent(2, JournalMark.Note, Start.AddSeconds(1), TimeSpan.FromSeconds(1), "recovered by this version"));
        var run = store.Find("old")!;
        var check = JournalChain.Verify(run.Journal, run.ChainHead!.Hash);

        Assert.True(check.Intact, string.Join("\n", check.Breaks));
        Assert.Equal([1], check.Unchained);
        Assert.Null(run.Journal[0].Hash);
        Assert.Equal(JournalChain.Genesis, run.Journal[1].PreviousHash);
    }

    [Fact]
    public void The_in_memory_store_chains_as_the_sqlite_store_does()
    {
        var memory = new InMemoryRunStore();
        var sqlite = new SqliteRunStore(File);
        foreach (var store in new IRunStore[] { memory, sqlite })
        {
            store.Begin(Run("r5"));
            Append(store, "r5", 3);
        }

        Assert.Equal(sqlite.Find("r5")!.Journal.Select(e => e.Hash), memory.Find("r5")!.Journal.Select(e => e.Hash));
        Assert.Equal(sqlite.Find("r5")!.ChainHead, memory.Find("r5")!.ChainHead);
    }

    private static void Append(IRunStore store, string runId, int count)
    {
        var sink = store.JournalFor(runId);
        for (var n = 1; n <= count; n++)
        {
            sink.Append(new JournalEvent(n, JournalMark.Note, Start.AddSeconds(n), TimeSpan.FromSeconds(n), $"event {n}", n == 2 ? "detail" : null));
        }
    }

    private void Sql(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static RunRecord Run(string id) => SampleRuns.Passed() with { RunId = id, Outcome = RunOutcome.Passed, StartedAtUtc = Start, Journal = [] };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
