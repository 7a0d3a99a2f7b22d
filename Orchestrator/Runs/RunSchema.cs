namespace Drills.Orchestrator.Runs;

/// <summary>
/// The run store's tables. The full record is JSON; the columns beside it exist for listing and lookup.
/// confirmations: one row a manual restore step (step = its 1-based number), written by the drill when it
/// begins and when it waits, and by <c>drills confirm</c>, often another process, when the operator is done.
/// runs_by_scenario: a report finds the previous run of its scenario with one index seek.
/// catalogues: the text of every catalogue a run was drilled with, by its SHA-256, so a crashed run is rolled
/// back as its system was declared then, whatever the file holds now (or if it no longer loads).
/// </summary>
internal static class RunSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS runs (
            run_id         TEXT PRIMARY KEY,
            scenario_id    TEXT NOT NULL,
            system_id      TEXT NOT NULL,
            started_at_utc TEXT NOT NULL,
            outcome        TEXT NOT NULL,
            record_json    TEXT NOT NULL
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
}
