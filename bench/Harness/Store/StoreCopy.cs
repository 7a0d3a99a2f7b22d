using Drills.Orchestrator.Runs;
using Drills.Reports.Files;

namespace Drills.Bench.Store;

/// <summary>Copies a filled run store into a data directory: its log folded into the file first, so one file is the whole store.</summary>
internal static class StoreCopy
{
    public static void Replace(string filled, string database)
    {
        using (var connection = new SqliteFile(filled).Open())
        {
            SqliteFile.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        }

        foreach (var stale in (string[])[database + "-wal", database + "-shm"])
        {
            File.Delete(stale);
        }

        File.Delete(database);
        using var source = File.OpenRead(filled);
        using var target = PrivateFiles.CreateNew(database);
        source.CopyTo(target);
    }
}
