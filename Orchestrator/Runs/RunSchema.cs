namespace Drills.Orchestrator.Runs;

/// <summary>The run store's tables. The full record is JSON; the columns beside it exist for listing and lookup.</summary>
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
        """;
}
