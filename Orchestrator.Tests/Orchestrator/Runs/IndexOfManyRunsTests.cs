using System.Globalization;
using Drills.Orchestrator.Runs;
using Drills.Reports.Index;
using Drills.Scenarios.RunRecords;
using static Drills.Orchestrator.Tests.Reports.Index.IndexFixtures;

namespace Drills.Orchestrator.Tests.Orchestrator.Runs;

/// <summary>
/// The CIO index over a real SQLite store of 10,000 runs of 50 systems: every system, its trend, every drill counted
/// and one page row each. How long it takes is measured by <c>scripts/bench</c> (section 5), never asserted here.
/// </summary>
public sealed class IndexOfManyRunsTests : IDisposable
{
    private const int Systems = 50;
    private const int RunsPerSystem = 200;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "drills-index-many-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Index_of_10000_stored_runs_holds_every_system_and_every_drill()
    {
        var store = new SqliteRunStore(Path.Combine(_folder, "drills.db"));
        Fill(Path.Combine(_folder, "drills.db"));
        var catalogue = Catalogue(Enumerable.Range(0, Systems).Select(i => Declared(Id(i), level: 1 + i % 5)));
        var context = new IndexContext("test", TimeZoneInfo.Utc, Path.Combine(_folder, "reports"), Path.Combine(_folder, "reports"));

        var index = IndexBuilder.Build(catalogue, store, Now, IndexFilter.All);
        var html = IndexPage.Render(index, context);

        Assert.Equal(Systems, index.Rows.Count);
        Assert.All(index.Rows, row => Assert.Equal(IndexBuilder.TrendLength, row.Trend.Count));
        Assert.Equal(Systems * RunsPerSystem, index.Rows.Sum(row => row.Drills));
        Assert.Equal(Systems, html.Split("class=\"system-row").Length - 1);
    }

    /// <summary>
    /// Inserts the runs as the store saves them (same columns, same JSON) in one transaction: a save per run
    /// syncs the disk each time, which is right for evidence and would make the fill take minutes.
    /// </summary>
    private static void Fill(string file)
    {
        using var connection = new SqliteFile(file).Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO runs (run_id, scenario_id, system_id, started_at_utc, outcome, record_json, {RunColumns.Names})
            VALUES ($id, $scenario, $system, $started, $outcome, $json, {RunColumns.Values})
            """;
        foreach (var run in Runs())
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$id", run.RunId);
            insert.Parameters.AddWithValue("$scenario", run.ScenarioId);
            insert.Parameters.AddWithValue("$system", run.SystemId);
            insert.Parameters.AddWithValue("$started", RunColumns.Timestamp(run.StartedAtUtc));
            insert.Parameters.AddWithValue("$outcome", run.Outcome.ToString());
            insert.Parameters.AddWithValue("$json", RunJson.SerializeMasked(run));
            RunColumns.Bind(insert, run);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"system-{i:00}");

    private static IEnumerable<RunRecord> Runs()
    {
        var random = new Random(10_000);
        for (var n = 0; n < Systems * RunsPerSystem; n++)
        {
            var system = Id(n % Systems);
            var started = Now.AddHours(-(Systems * RunsPerSystem - n) * 2);
            var outcome = random.Next(10) switch { 0 => RunOutcome.Failed, 1 => RunOutcome.Aborted, _ => RunOutcome.Passed };
            var recovery = outcome is RunOutcome.Aborted ? (TimeSpan?)null : TimeSpan.FromSeconds(random.Next(1, 20_000));
            var run = Run(system, outcome, started, recovery, level: 1 + n % Systems % 5);
            yield return run with { RunId = run.RunId + "-" + n.ToString(CultureInfo.InvariantCulture), Checks = Checks() };
        }
    }

    /// <summary>A record as big as a real one: the index must not pay for what it does not read.</summary>
    private static CheckObservation[] Checks() => Enumerable.Range(0, 20)
        .Select(i => new CheckObservation("attack", "http://127.0.0.1:18080/health", i % 3 != 0, TimeSpan.FromSeconds(i), "HTTP 200 OK: portal is healthy"))
        .ToArray();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
