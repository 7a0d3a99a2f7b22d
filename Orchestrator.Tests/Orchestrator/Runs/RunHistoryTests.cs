using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Tests.Reports;
using Drills.Reports.Index;
using Drills.Scenarios.RunRecords;
using Microsoft.Data.Sqlite;
using static Drills.Orchestrator.Tests.Reports.Index.IndexFixtures;

namespace Drills.Orchestrator.Tests.Orchestrator.Runs;

public sealed class RunHistoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "drills-history-" + Guid.NewGuid().ToString("N"));

    private static RunRecord[] Runs() =>
    [
        Run("portal", RunOutcome.Passed, Now.AddDays(-40), TimeSpan.FromHours(1)) with { DataLoss = RecoveryRuns.Loss(RecoveryRuns.Markers(0, 0), rpoSeconds: 60) },
        Run("portal", RunOutcome.Failed, Now.AddDays(-30), TimeSpan.FromHours(5)) with { DataLoss = RecoveryRuns.Loss(RecoveryRuns.Markers(1, 1), rpoSeconds: 0.5) },
        Run("portal", RunOutcome.Aborted, Now.AddDays(-20), null),
        Run("portal", RunOutcome.Skipped, Now.AddDays(-10), null),
        Run("portal", RunOutcome.Aborted, Now.AddDays(-5), null, attacked: false),
        Run("records", RunOutcome.Passed, Now.AddMonths(-14), TimeSpan.FromMinutes(3), level: 4),
        Run("skipped-only", RunOutcome.Skipped, Now.AddDays(-1), null),
    ];

    [Fact]
    public void The_store_reads_from_columns_what_the_records_say()
    {
        var store = new SqliteRunStore(Path.Combine(_folder, "drills.db"));
        foreach (var run in Runs())
        {
            store.Complete(run);
        }

        var catalogue = Catalogue([Declared("portal"), Declared("records", level: 4), Declared("never")]);
        var fromSql = IndexBuilder.Build(catalogue, store, Now, IndexFilter.All);
        var fromRecords = Build(catalogue, Runs());

        Assert.Equal(IndexJson.Serialize(fromRecords), IndexJson.Serialize(fromSql));
        Assert.Equal(fromRecords.Rows.Select(r => r.Trend.Count), fromSql.Rows.Select(r => r.Trend.Count));
        Assert.Equal(3, Row(fromSql, "portal").Drills);
        Assert.Equal(3, Row(fromSql, "portal").DrillsInCadence);
        Assert.Equal(0, Row(fromSql, "records").DrillsInCadence);
        Assert.Equal(new LossDigest(0.9, 0.5, false, 3), Row(fromSql, "portal").LastMeasuredLoss?.Loss);
        Assert.True(Row(fromSql, "portal").MissedRpo);
        Assert.Null(Row(fromSql, "records").LastMeasuredLoss);
    }

    [Fact]
    public void A_store_from_before_the_index_columns_gets_them_filled_from_its_records()
    {
        var file = Path.Combine(_folder, "old.db");
        Directory.CreateDirectory(_folder);
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
        {
            connection.Open();
            SqliteFile.Execute(connection, RunSchema.Create);
            foreach (var run in Runs())
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO runs (run_id, scenario_id, system_id, started_at_utc, outcome, record_json) VALUES ($id, $s, $y, $t, $o, $j)";
                insert.Parameters.AddWithValue("$id", run.RunId);
                insert.Parameters.AddWithValue("$s", run.ScenarioId);
                insert.Parameters.AddWithValue("$y", run.SystemId);
                insert.Parameters.AddWithValue("$t", run.StartedAtUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                insert.Parameters.AddWithValue("$o", run.Outcome.ToString());
                insert.Parameters.AddWithValue("$j", RunJson.SerializeMasked(run));
                insert.ExecuteNonQuery();
            }
        }

        var store = new SqliteRunStore(file);
        var reopened = new SqliteRunStore(file);

        var catalogue = Catalogue([Declared("portal"), Declared("records", level: 4)]);
        Assert.Equal(IndexJson.Serialize(Build(catalogue, Runs())), IndexJson.Serialize(IndexBuilder.Build(catalogue, store, Now, IndexFilter.All)));
        Assert.Equal(Runs().Length, reopened.List(100).Count);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
