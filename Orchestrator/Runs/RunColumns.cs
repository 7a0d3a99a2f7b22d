using System.Globalization;
using System.Text.Json;
using Drills.Reports.Index;
using Drills.Scenarios.RunRecords;
using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Runs;

/// <summary>
/// The figures of a run kept as columns of <c>runs</c> beside its JSON record, so the CIO index reads thousands
/// of runs with SQL instead of deserialising each: when it ended, its measured and declared time and target
/// (ticks), its report, whether it counts as a drill, and the data loss it measured (window, rpo_target, met, lost). Written on every save; a file from before they
/// existed gets them once, filled from its records, when it is opened.
/// </summary>
internal static class RunColumns
{
    private static readonly (string Name, string Type)[] Columns =
    [
        ("ended_at_utc", "TEXT"),
        ("recovery_ticks", "INTEGER"),
        ("target_ticks", "INTEGER"),
        ("declared_ticks", "INTEGER"),
        ("report_path", "TEXT"),
        ("drilled", "INTEGER NOT NULL DEFAULT 0"),
        ("loss_window_seconds", "REAL"),
        ("rpo_target_seconds", "REAL"),
        ("met_rpo", "INTEGER"),
        ("markers_lost", "INTEGER"),
    ];

    /// <summary>The column list for an INSERT.</summary>
    public static string Names { get; } = string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>The parameters for an INSERT, in <see cref="Names"/> order.</summary>
    public static string Values { get; } = string.Join(", ", Columns.Select(c => "$" + c.Name));

    /// <summary>The SET list of an upsert: every column from the row being saved.</summary>
    public static string Updates { get; } = string.Join(", ", Columns.Select(c => $"{c.Name} = excluded.{c.Name}"));

    public static void Bind(SqliteCommand command, RunRecord run)
    {
        command.Parameters.AddWithValue("$ended_at_utc", (object?)Timestamp(run.EndedAtUtc) ?? DBNull.Value);
        command.Parameters.AddWithValue("$recovery_ticks", (object?)run.RecoveryTime?.Ticks ?? DBNull.Value);
        command.Parameters.AddWithValue("$target_ticks", run.RtoTarget.Ticks);
        command.Parameters.AddWithValue("$declared_ticks", run.DeclaredManualTime.Ticks);
        command.Parameters.AddWithValue("$report_path", (object?)run.ReportPath ?? DBNull.Value);
        command.Parameters.AddWithValue("$drilled", DrillDigest.IsDrill(run) ? 1 : 0);
        command.Parameters.AddWithValue("$loss_window_seconds", (object?)run.DataLoss?.LossWindowSeconds ?? DBNull.Value);
        command.Parameters.AddWithValue("$rpo_target_seconds", (object?)run.DataLoss?.RpoTargetSeconds ?? DBNull.Value);
        command.Parameters.AddWithValue("$met_rpo", run.DataLoss?.MetRpo is { } met ? met ? 1 : 0 : DBNull.Value);
        command.Parameters.AddWithValue("$markers_lost", (object?)run.DataLoss?.MarkersLost ?? DBNull.Value);
    }

    /// <summary>UTC, round-trip format: sorts as text, as <c>started_at_utc</c> does.</summary>
    public static string? Timestamp(DateTimeOffset? utc) => utc?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// Adds the columns a file lacks and fills them from its records, in one write transaction (a second
    /// process opening the same file waits, then finds them there); adds the indexes listings and the CIO index read
    /// by, and marks the file current (<see cref="RunSchema.Version"/>).
    /// </summary>
    public static void Migrate(SqliteConnection connection)
    {
        using (var transaction = connection.BeginTransaction())
        {
            var present = Present(connection);
            var missing = Columns.Where(c => !present.Contains(c.Name)).ToArray();
            foreach (var (name, type) in missing)
            {
                SqliteFile.Execute(connection, $"ALTER TABLE runs ADD COLUMN {name} {type}");
            }

            if (missing.Length > 0)
            {
                Backfill(connection);
            }

            SqliteFile.Execute(connection, RunSchema.Indexes);
            // Last, in the same transaction: a file marked current has everything above.
            SqliteFile.Execute(connection, $"PRAGMA user_version = {RunSchema.Version}");
            transaction.Commit();
        }
    }

    private static HashSet<string> Present(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('runs')";
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static void Backfill(SqliteConnection connection)
    {
        var runs = new List<RunRecord>();
        using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT record_json FROM runs";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                runs.Add(JsonSerializer.Deserialize<RunRecord>(reader.GetString(0), RunJson.Options) ?? throw new InvalidDataException("Empty run record."));
            }
        }

        using var update = connection.CreateCommand();
        update.CommandText = $"UPDATE runs SET ({Names}) = ({Values}) WHERE run_id = $id";
        foreach (var run in runs)
        {
            update.Parameters.Clear();
            update.Parameters.AddWithValue("$id", run.RunId);
            Bind(update, run);
            update.ExecuteNonQuery();
        }
    }
}
