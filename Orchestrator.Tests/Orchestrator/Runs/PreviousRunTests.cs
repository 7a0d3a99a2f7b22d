using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Tests.Reports;
using Drills.Orchestrator.Tests.Support;
using Drills.Scenarios.RunRecords;
using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Tests.Orchestrator.Runs;

/// <summary>The previous run of a scenario, as a report re-tests its open actions: in SQLite on disk and in the engine tests' memory store alike.</summary>
public sealed class PreviousRunTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "drills-previous-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Stores => ["sqlite", "memory"];

    [Theory]
    [MemberData(nameof(Stores))]
    public void Previous_run_is_the_latest_finished_run_of_the_same_scenario_that_started_before(string kind)
    {
        var store = Open(kind);
        store.Begin(Run("20261123-190000-a", RunOutcome.Failed, 0));
        store.Begin(Run("20261123-190100-b", RunOutcome.Aborted, 60));
        store.Begin(Run("20261123-190200-skip", RunOutcome.Skipped, 120));
        store.Begin(Run("20261123-190300-open", RunOutcome.Running, 180));
        store.Begin(Run("20261123-190330-other", RunOutcome.Passed, 210) with { ScenarioId = "portal-kill" });
        var current = Run("20261123-190400-now", RunOutcome.Passed, 240);
        store.Begin(current);
        store.Begin(Run("20261123-190500-later", RunOutcome.Passed, 300));

        Assert.Equal("20261123-190100-b", store.PreviousOf(current)?.RunId);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void First_run_of_a_scenario_has_no_previous_run(string kind)
    {
        var store = Open(kind);
        var first = Run("20261123-190000-first", RunOutcome.Passed, 0);
        store.Begin(first);
        store.Begin(Run("20261123-190100-later", RunOutcome.Failed, 60));

        Assert.Null(store.PreviousOf(first));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void Runs_started_in_the_same_instant_are_ordered_by_run_id(string kind)
    {
        var store = Open(kind);
        store.Begin(Run("20261123-190000-aaaa", RunOutcome.Failed, 0));
        var current = Run("20261123-190000-bbbb", RunOutcome.Passed, 0);
        store.Begin(current);

        Assert.Equal("20261123-190000-aaaa", store.PreviousOf(current)?.RunId);
        Assert.Null(store.PreviousOf(Run("20261123-190000-aaaa", RunOutcome.Failed, 0)));
    }

    [Fact]
    public void Previous_run_comes_with_its_journal_from_a_new_process()
    {
        var writer = new SqliteRunStore(File);
        writer.Begin(Run("20261123-190000-a", RunOutcome.Failed, 0));
        writer.JournalFor("20261123-190000-a").Append(new JournalEvent(1, JournalMark.Note, SampleRuns.Start, TimeSpan.Zero,
            "Finding: the attack had no observable impact", "every check still passed 2s after the attack steps"));
        var current = Run("20261123-190100-b", RunOutcome.Passed, 60);
        writer.Begin(current);

        SqliteConnection.ClearAllPools();
        var previous = new SqliteRunStore(File).PreviousOf(current);

        Assert.Equal("Finding: the attack had no observable impact", Assert.Single(previous!.Journal).Message);
    }

    [Fact]
    public void Store_looks_the_previous_run_up_through_an_index()
    {
        _ = new SqliteRunStore(File).List(1);
        using var connection = new SqliteConnection($"Data Source={File}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            EXPLAIN QUERY PLAN SELECT record_json FROM runs
            WHERE scenario_id = 's' AND run_id <> 'r' AND outcome IN ('Passed', 'Failed', 'Aborted')
              AND (started_at_utc < 't' OR (started_at_utc = 't' AND run_id < 'r'))
            ORDER BY started_at_utc DESC, run_id DESC LIMIT 1
            """;
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, step => step.Contains("runs_by_scenario", StringComparison.Ordinal));
    }

    private string File => Path.Combine(_folder, "drills.db");

    private IRunStore Open(string kind) => kind == "sqlite" ? new SqliteRunStore(File) : new InMemoryRunStore();

    private static RunRecord Run(string id, RunOutcome outcome, int seconds) =>
        SampleRuns.Passed() with { RunId = id, Outcome = outcome, StartedAtUtc = SampleRuns.Start.AddSeconds(seconds), Journal = [] };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
