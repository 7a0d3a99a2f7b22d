namespace Drills.Orchestrator.Runs;

/// <summary>
/// The run store's tables. The full record is JSON; the columns beside it exist for listing and lookup.
/// confirmations: one row a manual restore step (step = its 1-based number), written by the drill when it
/// begins and when it waits, and by <c>drills confirm</c>, often another process, when the operator is done.
/// runs_by_scenario: a report finds the previous run of its scenario with one index seek.
/// catalogues: the text of every catalogue a run was drilled with, by its SHA-256, so a crashed run is rolled
/// back as its system was declared then, whatever the file holds now (or if it no longer loads).
/// journal.prev_hash/hash: the hash chain (<see cref="Drills.Scenarios.RunRecords.JournalChain"/>); runs.chain_head and
/// chain_events: the chain's end, written in the same transaction as each journal row, so the run keeps its head.
/// Rows written before the chain existed have NULL hashes: legal, and reported as unchained.
/// </summary>
internal static class RunSchema
{
    /// <summary>
    /// The schema this build sets up, written to the file's <c>user_version</c> once every table, column and index below
    /// is in place: an open that finds it (or a later one) reads one pragma instead of checking the schema, which cost
    /// more than a small listing. Raise it with any change to the tables, columns or indexes.
    /// </summary>
    public const int Version = 1;

    /// <summary>
    /// runs_by_start: a listing (newest first) reads its rows off the index instead of sorting every record.
    /// runs_by_history: every column the CIO index reads (<see cref="RunColumns"/>), newest first within a system as it ranks
    /// them, so its queries never touch the rows, whose JSON spills over pages of their own; it replaces runs_by_system.
    /// </summary>
    public const string Indexes = """
        CREATE INDEX IF NOT EXISTS runs_by_start ON runs (started_at_utc, run_id);
        CREATE INDEX IF NOT EXISTS runs_by_history ON runs (
            system_id, started_at_utc DESC, run_id DESC, drilled, outcome, ended_at_utc, recovery_ticks, target_ticks, declared_ticks, report_path,
            loss_window_seconds, rpo_target_seconds, met_rpo, markers_lost);
        DROP INDEX IF EXISTS runs_by_system;
        """;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS runs (
            run_id         TEXT PRIMARY KEY,
            scenario_id    TEXT NOT NULL,
            system_id      TEXT NOT NULL,
            started_at_utc TEXT NOT NULL,
            outcome        TEXT NOT NULL,
            record_json    TEXT NOT NULL,
            chain_head     TEXT,
            chain_events   INTEGER
        );
        CREATE INDEX IF NOT EXISTS runs_by_scenario ON runs (scenario_id, started_at_utc);
        CREATE TABLE IF NOT EXISTS journal (
            run_id        TEXT NOT NULL,
            seq           INTEGER NOT NULL,
            mark          TEXT NOT NULL,
            ts_utc        TEXT NOT NULL,
            elapsed_ticks INTEGER NOT NULL,
            message       TEXT NOT NULL,
            detail        TEXT,
            prev_hash     TEXT,
            hash          TEXT,
            PRIMARY KEY (run_id, seq)
        );
        CREATE TABLE IF NOT EXISTS service_requests (
            id               INTEGER PRIMARY KEY AUTOINCREMENT,
            kind             TEXT NOT NULL,
            requested_by     TEXT NOT NULL,
            requested_at_utc TEXT NOT NULL,
            handled_at_utc   TEXT,
            result           TEXT
        );
        CREATE TABLE IF NOT EXISTS catalogues (
            sha256      TEXT PRIMARY KEY,
            source_path TEXT NOT NULL,
            text        TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS confirmations (
            run_id            TEXT NOT NULL,
            step              INTEGER NOT NULL,
            title             TEXT NOT NULL,
            simulated         INTEGER NOT NULL,
            waiting_since_utc TEXT,
            confirmed_at_utc  TEXT,
            confirmed_by      TEXT,
            note              TEXT,
            PRIMARY KEY (run_id, step)
        );
        """;

    /// <summary>Columns added since the first schema, added to a file an earlier version created (table, column, type).</summary>
    public static readonly (string Table, string Column, string Type)[] Added =
    [
        ("journal", "prev_hash", "TEXT"),
        ("journal", "hash", "TEXT"),
        ("runs", "chain_head", "TEXT"),
        ("runs", "chain_events", "INTEGER"),
    ];

    /// <summary>True when this build (or a later one) has set the file up: nothing to create, add or migrate.</summary>
    public static bool IsCurrent(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) >= Version;
    }
}
