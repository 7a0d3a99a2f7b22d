using System.Globalization;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Text;
using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Runs;

/// <summary>The journal's hash chain in the store: each row is chained to the run's last one as it is inserted.</summary>
internal sealed partial class SqliteRunStore
{
    private const string RecordColumns = "record_json, chain_head, chain_events";

    /// <summary>
    /// Inserts the event chained to the run's last row, over the masked text it stores. The previous hash is read
    /// and the row and the run's head written in one IMMEDIATE transaction: a second writer waits for the first,
    /// so two processes can never both link to the same row and fork the chain.
    /// </summary>
    private void Append(string runId, JournalEvent entry)
    {
        var masked = entry with { Message = Secrets.Redact(entry.Message), Detail = Secrets.RedactOrNull(entry.Detail) };
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var chained = JournalChain.Link(masked, LastHash(connection, runId));
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO journal (run_id, seq, mark, ts_utc, elapsed_ticks, message, detail, prev_hash, hash)
                VALUES ($run, $seq, $mark, $ts, $elapsed, $message, $detail, $prev, $hash)
                """;
            insert.Parameters.AddWithValue("$run", runId);
            insert.Parameters.AddWithValue("$seq", chained.Sequence);
            insert.Parameters.AddWithValue("$mark", chained.Mark.ToString());
            insert.Parameters.AddWithValue("$ts", chained.TimestampUtc.ToString("O", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$elapsed", chained.Elapsed.Ticks);
            insert.Parameters.AddWithValue("$message", chained.Message);
            insert.Parameters.AddWithValue("$detail", (object?)chained.Detail ?? DBNull.Value);
            insert.Parameters.AddWithValue("$prev", chained.PreviousHash);
            insert.Parameters.AddWithValue("$hash", chained.Hash);
            insert.ExecuteNonQuery();
        }

        using (var head = connection.CreateCommand())
        {
            head.CommandText = "UPDATE runs SET chain_head = $hash, chain_events = (SELECT COUNT(*) FROM journal WHERE run_id = $run) WHERE run_id = $run";
            head.Parameters.AddWithValue("$run", runId);
            head.Parameters.AddWithValue("$hash", chained.Hash);
            head.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>
    /// The hash of the run's last row written (by rowid: the order rows went in, which for one drill's journal is
    /// its number order); null when it has none yet, or its last row predates the chain (which then starts anew).
    /// </summary>
    private static string? LastHash(SqliteConnection connection, string runId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash FROM journal WHERE run_id = $run ORDER BY rowid DESC LIMIT 1";
        command.Parameters.AddWithValue("$run", runId);
        return command.ExecuteScalar() as string;
    }

    private static RunRecord WithJournal(SqliteConnection connection, RunRecord run)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, mark, ts_utc, elapsed_ticks, message, detail, prev_hash, hash FROM journal WHERE run_id = $id ORDER BY seq";
        command.Parameters.AddWithValue("$id", run.RunId);
        using var reader = command.ExecuteReader();
        var events = new List<JournalEvent>();
        while (reader.Read())
        {
            events.Add(new JournalEvent(
                reader.GetInt32(0),
                Enum.Parse<JournalMark>(reader.GetString(1)),
                DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
                TimeSpan.FromTicks(reader.GetInt64(3)),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5))
            {
                PreviousHash = reader.IsDBNull(6) ? null : reader.GetString(6),
                Hash = reader.IsDBNull(7) ? null : reader.GetString(7),
            });
        }

        return run with { Journal = events };
    }

    /// <summary>A run row read with <see cref="RecordColumns"/>: its record and the chain head kept beside it.</summary>
    private static RunRecord ReadRun(SqliteDataReader reader) => Deserialize(reader.GetString(0)) with
    {
        ChainHead = reader.IsDBNull(1) ? null : new ChainHead(reader.GetString(1), reader.GetInt32(2)),
    };

    /// <summary>A file an earlier version created gets the columns added since; its rows keep NULL there (unchained).</summary>
    private static void AddMissingColumns(SqliteConnection connection)
    {
        foreach (var (table, column, type) in RunSchema.Added)
        {
            using var info = connection.CreateCommand();
            info.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = $column";
            info.Parameters.AddWithValue("$column", column);
            if (Convert.ToInt64(info.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                try
                {
                    Execute(connection, $"ALTER TABLE {table} ADD COLUMN {column} {type}");
                }
                catch (SqliteException ex) when (ex.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase))
                {
                    // Another drills process added it first.
                }
            }
        }
    }
}
