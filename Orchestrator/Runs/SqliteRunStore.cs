using System.Globalization;
using System.Text.Json;
using Drills.Orchestrator.Drill;
using Drills.Reports.Files;
using Drills.Reports.Index;
using Drills.Scenarios.RunRecords;
using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Runs;

/// <summary>
/// Runs and journals in one embedded SQLite file. Journal rows are inserted as events happen (WAL mode,
/// each insert its own transaction) so a process killed mid-drill keeps everything written before.
/// </summary>
internal sealed partial class SqliteRunStore : IRunStore, IDrillHistory
{
    private readonly SqliteFile _file;

    public SqliteRunStore(string databaseFile)
    {
        PrivateFiles.CreateFolder(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!);
        SqliteFile.KeepPrivate(databaseFile);
        _file = new SqliteFile(databaseFile);
        using var connection = Open();
        if (RunSchema.IsCurrent(connection))
        {
            // Set up by this build already (WAL too is a property of the file): one pragma read, no schema work.
            return;
        }

        // WAL once for the file: readers (drills runs) never block the drill writing its journal.
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, RunSchema.Create);
        AddMissingColumns(connection);
        RunColumns.Migrate(connection);
    }

    /// <summary>Records a new run; an id already recorded is refused, so two runs can never merge into one record.</summary>
    public void Begin(RunRecord run)
    {
        try
        {
            Save(run, onlyNew: true);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            throw new InvalidOperationException($"A run {run.RunId} is already recorded; a new run never overwrites it.", ex);
        }
    }

    public void Complete(RunRecord run) => Save(run);

    public IJournalSink JournalFor(string runId) => new Sink(this, runId);

    public void SetReportPath(string runId, string reportPath)
    {
        using var connection = Open();
        var run = ReadRecord(connection, runId) ?? throw new InvalidOperationException($"No run {runId}.");
        Save(run with { ReportPath = reportPath });
    }

    public RunRecord? Find(string runId)
    {
        using var connection = Open();
        return ReadRecord(connection, runId) is { } run ? WithJournal(connection, run) : null;
    }

    /// <summary>The run without its journal (the journal lives in its own table).</summary>
    private static RunRecord? ReadRecord(SqliteConnection connection, string runId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {RecordColumns} FROM runs WHERE run_id = $id";
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRun(reader) : null;
    }

    public IReadOnlyList<RunRecord> List(int limit) =>
        Query($"SELECT {RecordColumns} FROM runs ORDER BY started_at_utc DESC, run_id DESC LIMIT $limit", ("$limit", limit));

    public IReadOnlyList<RunRecord> ListRunning()
    {
        using var connection = Open();
        return Query($"SELECT {RecordColumns} FROM runs WHERE outcome = $outcome ORDER BY started_at_utc", ("$outcome", nameof(RunOutcome.Running)))
            .Select(run => WithJournal(connection, run))
            .ToArray();
    }

    public bool HasRunFor(string scenarioId, DateTimeOffset scheduledForUtc) =>
        Query($"SELECT {RecordColumns} FROM runs WHERE scenario_id = $scenario ORDER BY started_at_utc DESC LIMIT 500", ("$scenario", scenarioId))
            .Any(run => run.Origin.ScheduledForUtc == scheduledForUtc);

    public RunRecord? FinishedAfter(string systemId, DateTimeOffset startedAfterUtc) =>
        Query($"""
              SELECT {RecordColumns} FROM runs
              WHERE system_id = $system AND started_at_utc > $after AND outcome IN ('Passed', 'Failed', 'Aborted')
              ORDER BY started_at_utc DESC, run_id DESC LIMIT 1
              """,
            ("$system", systemId), ("$after", startedAfterUtc.ToString("O", CultureInfo.InvariantCulture))).FirstOrDefault();

    public RunRecord? PreviousOf(RunRecord run)
    {
        using var connection = Open();
        // Same start: the run id (its start second and random bits) breaks the tie as List orders them.
        var previous = Query($"""
              SELECT {RecordColumns} FROM runs
              WHERE scenario_id = $scenario AND run_id <> $run AND outcome IN ('Passed', 'Failed', 'Aborted')
                AND (started_at_utc < $before OR (started_at_utc = $before AND run_id < $run))
              ORDER BY started_at_utc DESC, run_id DESC LIMIT 1
              """,
            ("$scenario", run.ScenarioId), ("$run", run.RunId), ("$before", run.StartedAtUtc.ToString("O", CultureInfo.InvariantCulture))).FirstOrDefault();
        return previous is null ? null : WithJournal(connection, previous);
    }

    public void KeepCatalogue(string sha256, string sourcePath, string text)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO catalogues (sha256, source_path, text) VALUES ($sha, $path, $text) ON CONFLICT(sha256) DO NOTHING";
        command.Parameters.AddWithValue("$sha", sha256);
        command.Parameters.AddWithValue("$path", sourcePath);
        command.Parameters.AddWithValue("$text", text);
        command.ExecuteNonQuery();
    }

    public KeptCatalogue? FindCatalogue(string sha256)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source_path, text FROM catalogues WHERE sha256 = $sha";
        command.Parameters.AddWithValue("$sha", sha256);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new KeptCatalogue(sha256, reader.GetString(0), reader.GetString(1)) : null;
    }

    private RunRecord[] Query(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var runs = new List<RunRecord>();
        while (reader.Read())
        {
            runs.Add(ReadRun(reader));
        }

        return runs.ToArray();
    }

    /// <summary>Saves a running run's progress, never over a run that has already ended.</summary>
    public void Checkpoint(RunRecord run) => Save(run, onlyWhileRunning: true);

    private void Save(RunRecord run, bool onlyWhileRunning = false, bool onlyNew = false)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        // A late checkpoint (a probe finishing after the drill ended) must not reopen a finished run.
        command.CommandText = $"""
            INSERT INTO runs (run_id, scenario_id, system_id, started_at_utc, outcome, record_json, {RunColumns.Names})
            VALUES ($id, $scenario, $system, $started, $outcome, $json, {RunColumns.Values})
            """ + (onlyNew ? "" : $" ON CONFLICT(run_id) DO UPDATE SET outcome = excluded.outcome, record_json = excluded.record_json, {RunColumns.Updates}")
                 + (onlyWhileRunning ? " WHERE runs.outcome = 'Running'" : "");
        command.Parameters.AddWithValue("$id", run.RunId);
        command.Parameters.AddWithValue("$scenario", run.ScenarioId);
        command.Parameters.AddWithValue("$system", run.SystemId);
        command.Parameters.AddWithValue("$started", run.StartedAtUtc.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$outcome", run.Outcome.ToString());
        // Masked as stored: a secret in an observation or an error never reaches the file.
        // The chain head lives in its own columns, written with each journal row; never a stale copy in the JSON.
        command.Parameters.AddWithValue("$json", RunJson.SerializeMasked(run with { Journal = [], ChainHead = null }));
        RunColumns.Bind(command, run);
        command.ExecuteNonQuery();
    }

    private static RunRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<RunRecord>(json, RunJson.Options) ?? throw new InvalidDataException("Empty run record.");

    private const int SqliteConstraint = 19;

    private SqliteConnection Open() => _file.Open();

    private static void Execute(SqliteConnection connection, string sql) => SqliteFile.Execute(connection, sql);

    private sealed class Sink(SqliteRunStore store, string runId) : IJournalSink
    {
        public void Append(JournalEvent entry) => store.Append(runId, entry);
    }
}
