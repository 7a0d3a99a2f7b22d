using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Runs;

/// <summary>
/// Requests from the CLI to a running <c>drills serve</c> (such as <c>drills reload</c>), through the same
/// SQLite file: no socket to secure, and it works for any process that can open the data directory.
/// </summary>
internal sealed class ServiceRequests(string databaseFile)
{
    public const string Reload = "reload";

    private readonly SqliteFile _file = new(databaseFile);

    public long Submit(string kind, DateTimeOffset nowUtc)
    {
        using var connection = Open();
        using var command = Command(connection, """
            INSERT INTO service_requests (kind, requested_by, requested_at_utc) VALUES ($kind, $by, $at);
            SELECT last_insert_rowid();
            """, ("$kind", kind), ("$by", Environment.UserName), ("$at", Stamp(nowUtc)));
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The answer the service gave, or null while it has not handled the request.</summary>
    public string? ResultOf(long id)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT result FROM service_requests WHERE id = $id AND handled_at_utc IS NOT NULL", ("$id", id));
        return command.ExecuteScalar() as string;
    }

    public IReadOnlyList<(long Id, string Kind, string RequestedBy)> Pending()
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT id, kind, requested_by FROM service_requests WHERE handled_at_utc IS NULL ORDER BY id");
        using var reader = command.ExecuteReader();
        var pending = new List<(long, string, string)>();
        while (reader.Read())
        {
            pending.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return pending;
    }

    public void Answer(long id, string result, DateTimeOffset nowUtc)
    {
        using var connection = Open();
        using var command = Command(connection, "UPDATE service_requests SET handled_at_utc = $at, result = $result WHERE id = $id",
            ("$at", Stamp(nowUtc)), ("$result", result), ("$id", id));
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open() => _file.Open();

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static string Stamp(DateTimeOffset utc) => utc.ToString("O", CultureInfo.InvariantCulture);
}
