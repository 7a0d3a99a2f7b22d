using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Tests.Reports;
using Drills.Scenarios.RunRecords;
using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Tests.Orchestrator.Runs;

public sealed class RunSchemaTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "drills-schema-" + Guid.NewGuid().ToString("N"));
    private string File => Path.Combine(_folder, "drills.db");

    [Fact]
    public void A_new_file_is_marked_current_with_the_listing_and_history_indexes()
    {
        _ = new SqliteRunStore(File);

        Assert.Equal(RunSchema.Version, UserVersion());
        Assert.Contains("runs_by_start", Indexes());
        Assert.Contains("runs_by_history", Indexes());
        Assert.DoesNotContain("runs_by_system", Indexes());
    }

    [Fact]
    public void A_file_marked_current_is_opened_without_any_schema_work()
    {
        _ = new SqliteRunStore(File);
        Sql("DROP INDEX runs_by_start");

        var store = new SqliteRunStore(File);
        store.Complete(Run("r1", 0));
        store.Complete(Run("r2", 60));

        Assert.DoesNotContain("runs_by_start", Indexes());
        Assert.Equal(["r2", "r1"], store.List(10).Select(r => r.RunId));
    }

    [Fact]
    public void A_file_from_an_earlier_version_gets_the_new_indexes_and_is_marked_current()
    {
        _ = new SqliteRunStore(File);
        Sql("DROP INDEX runs_by_start; DROP INDEX runs_by_history; CREATE INDEX runs_by_system ON runs (system_id, started_at_utc); PRAGMA user_version = 0;");

        _ = new SqliteRunStore(File);

        Assert.Equal(RunSchema.Version, UserVersion());
        Assert.Contains("runs_by_start", Indexes());
        Assert.Contains("runs_by_history", Indexes());
        Assert.DoesNotContain("runs_by_system", Indexes());
    }

    [Theory]
    [InlineData("SELECT record_json FROM runs ORDER BY started_at_utc DESC, run_id DESC LIMIT 50", "runs_by_start")]
    [InlineData("SELECT system_id, SUM(drilled), SUM(drilled = 1 AND outcome = 'Passed') FROM runs GROUP BY system_id ORDER BY system_id", "COVERING INDEX runs_by_history")]
    [InlineData("""
        SELECT system_id, run_id, outcome, started_at_utc, ended_at_utc, recovery_ticks, target_ticks, declared_ticks, report_path,
               loss_window_seconds, rpo_target_seconds, met_rpo, markers_lost,
               ROW_NUMBER() OVER (PARTITION BY system_id ORDER BY started_at_utc DESC, run_id DESC) AS newest
        FROM runs WHERE drilled = 1
        """, "COVERING INDEX runs_by_history")]
    public void Listings_and_the_CIO_index_read_an_index_never_every_record(string query, string plan)
    {
        _ = new SqliteRunStore(File);

        var steps = Plan(query);

        Assert.Contains(steps, step => step.Contains(plan, StringComparison.Ordinal));
        Assert.DoesNotContain(steps, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    private static RunRecord Run(string id, int seconds) =>
        SampleRuns.Passed() with { RunId = id, StartedAtUtc = SampleRuns.Start.AddSeconds(seconds), Journal = [] };

    private long UserVersion()
    {
        using var connection = Connection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)command.ExecuteScalar()!;
    }

    private List<string> Indexes() => Rows("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'runs'", column: 0);

    private List<string> Plan(string query) => Rows("EXPLAIN QUERY PLAN " + query, column: 3);

    private List<string> Rows(string sql, int column)
    {
        using var connection = Connection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(column));
        }

        return rows;
    }

    private void Sql(string sql)
    {
        using var connection = Connection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Connection()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = File, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
