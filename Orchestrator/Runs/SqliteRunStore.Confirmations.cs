using System.Globalization;
using Drills.Scenarios.Text;
using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Runs;

/// <summary>The confirmations table: the channel between a drill waiting on a manual step and <c>drills confirm</c>.</summary>
internal sealed partial class SqliteRunStore
{
    public void DeclareManualSteps(string runId, IReadOnlyList<ManualStepState> steps)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var step in steps)
        {
            using var command = Command(connection, """
                INSERT INTO confirmations (run_id, step, title, simulated) VALUES ($run, $step, $title, $simulated)
                """, runId, step.Step);
            command.Parameters.AddWithValue("$title", step.Title);
            command.Parameters.AddWithValue("$simulated", step.Simulated ? 1 : 0);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public void MarkWaiting(string runId, int step, DateTimeOffset sinceUtc)
    {
        using var connection = Open();
        using var command = Command(connection, "UPDATE confirmations SET waiting_since_utc = $since WHERE run_id = $run AND step = $step", runId, step);
        command.Parameters.AddWithValue("$since", Text(sinceUtc));
        command.ExecuteNonQuery();
    }

    public bool Confirm(string runId, int step, ManualConfirmation confirmation)
    {
        // One statement: of two operators confirming at once, exactly one wins.
        using var connection = Open();
        using var command = Command(connection, """
            UPDATE confirmations SET confirmed_at_utc = $at, confirmed_by = $by, note = $note
            WHERE run_id = $run AND step = $step AND simulated = 0 AND waiting_since_utc IS NOT NULL AND confirmed_at_utc IS NULL
            """, runId, step);
        command.Parameters.AddWithValue("$at", Text(confirmation.AtUtc));
        command.Parameters.AddWithValue("$by", confirmation.By);
        command.Parameters.AddWithValue("$note", (object?)Secrets.RedactOrNull(confirmation.Note) ?? DBNull.Value);
        return command.ExecuteNonQuery() == 1;
    }

    public IReadOnlyList<ManualStepState> ManualSteps(string runId)
    {
        using var connection = Open();
        using var command = Command(connection, """
            SELECT step, title, simulated, waiting_since_utc, confirmed_at_utc, confirmed_by, note
            FROM confirmations WHERE run_id = $run ORDER BY step
            """, runId);
        using var reader = command.ExecuteReader();
        var steps = new List<ManualStepState>();
        while (reader.Read())
        {
            var confirmation = reader.IsDBNull(4)
                ? null
                : new ManualConfirmation(Time(reader.GetString(4)), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6));
            steps.Add(new ManualStepState(reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2) != 0,
                reader.IsDBNull(3) ? null : Time(reader.GetString(3)), confirmation));
        }

        return steps;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string runId, int? step = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$run", runId);
        if (step is { } number)
        {
            command.Parameters.AddWithValue("$step", number);
        }

        return command;
    }

    private static string Text(DateTimeOffset utc) => utc.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
