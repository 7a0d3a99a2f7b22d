using Drills.Reports.Files;
using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Runs;

/// <summary>
/// Opens connections to the data directory's SQLite file the one way every reader and writer of it must:
/// unpooled (each call stands alone, so a killed process leaves nothing half-open), waiting out a
/// writer in another process instead of failing at once, and each commit on disk before it returns.
/// </summary>
internal sealed class SqliteFile(string databaseFile)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString();

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // FULL: in WAL mode every commit syncs the log, so a run record written before the attack survives a power cut.
        // It is SQLite's default too; said here so the durability crash recovery relies on does not hang on a build option.
        // 30 s, as Quartz's own connections to the same file under drills serve: a checkpoint that gave up
        // sooner while the scheduler held the write lock would lose evidence a crash report needs.
        Execute(connection, "PRAGMA busy_timeout=30000; PRAGMA synchronous=FULL;");
        return connection;
    }

    /// <summary>
    /// Creates the file empty as 0600 before SQLite opens it (an empty file is an empty database), and tightens
    /// one an earlier version left open. SQLite gives its -wal and -shm files the database file's mode.
    /// </summary>
    public static void KeepPrivate(string databaseFile)
    {
        if (!File.Exists(databaseFile))
        {
            try
            {
                PrivateFiles.CreateNew(databaseFile).Dispose();
            }
            catch (IOException) when (File.Exists(databaseFile))
            {
                // Another drills process created it first.
            }
        }

        foreach (var file in (string[])[databaseFile, databaseFile + "-wal", databaseFile + "-shm"])
        {
            PrivateFiles.Tighten(file);
        }
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
