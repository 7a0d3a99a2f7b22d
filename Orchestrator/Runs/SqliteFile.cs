using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Runs;

/// <summary>
/// Opens connections to the data directory's SQLite file the one way every reader and writer of it must:
/// unpooled (each call stands alone, so a killed process leaves nothing half-open) and waiting out a
/// writer in another process instead of failing at once.
/// </summary>
internal sealed class SqliteFile(string databaseFile)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString();

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=5000;");
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
