using System.Text.Json;
using Drills.Reports.Index;
using Drills.Scenarios.RunRecords;
using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Runs;

/// <summary>
/// What the CIO index reads, from the columns kept beside each record (<see cref="RunColumns"/>): counts and
/// the latest drills of every system in two queries over the columns, and one record per system (its latest
/// run, to name a system the catalogue no longer holds). No other record is deserialised.
/// </summary>
internal sealed partial class SqliteRunStore
{
    public IReadOnlyList<SystemHistory> ReadHistory(int recent)
    {
        using var connection = Open();
        var recentDrills = RecentDrills(connection, recent);
        var latest = LatestRuns(connection);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT system_id, SUM(drilled), SUM(drilled = 1 AND outcome = 'Passed')
            FROM runs GROUP BY system_id ORDER BY system_id
            """;
        using var reader = command.ExecuteReader();
        var histories = new List<SystemHistory>();
        while (reader.Read())
        {
            var system = reader.GetString(0);
            if (latest.TryGetValue(system, out var run))
            {
                histories.Add(new SystemHistory(system, reader.GetInt32(1), reader.GetInt32(2), recentDrills.GetValueOrDefault(system) ?? [], run));
            }
        }

        return histories;
    }

    public IReadOnlyDictionary<string, int> CountDrillsSince(IReadOnlyDictionary<string, DateTimeOffset> since)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        // One parameter whatever the number of systems: their windows as a JSON object, read with json_each.
        command.CommandText = """
            WITH w AS MATERIALIZED (SELECT key, value FROM json_each($since))
            SELECT r.system_id, COUNT(*)
            FROM runs r JOIN w ON w.key = r.system_id
            WHERE r.drilled = 1 AND COALESCE(r.ended_at_utc, r.started_at_utc) >= w.value
            GROUP BY r.system_id
            """;
        command.Parameters.AddWithValue("$since", JsonSerializer.Serialize(since.ToDictionary(pair => pair.Key, pair => RunColumns.Timestamp(pair.Value))));
        using var reader = command.ExecuteReader();
        var counts = since.Keys.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    /// <summary>Each system's latest <paramref name="recent"/> drills, newest first, from columns alone.</summary>
    private static Dictionary<string, List<DrillDigest>> RecentDrills(SqliteConnection connection, int recent)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT system_id, run_id, outcome, started_at_utc, ended_at_utc, recovery_ticks, target_ticks, declared_ticks, report_path,
                   loss_window_seconds, rpo_target_seconds, met_rpo, markers_lost
            FROM (
                SELECT system_id, run_id, outcome, started_at_utc, ended_at_utc, recovery_ticks, target_ticks, declared_ticks, report_path,
                       loss_window_seconds, rpo_target_seconds, met_rpo, markers_lost,
                       ROW_NUMBER() OVER (PARTITION BY system_id ORDER BY started_at_utc DESC, run_id DESC) AS newest
                FROM runs WHERE drilled = 1)
            WHERE newest <= $recent
            ORDER BY system_id, newest
            """;
        command.Parameters.AddWithValue("$recent", recent);
        using var reader = command.ExecuteReader();
        var drills = new Dictionary<string, List<DrillDigest>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var system = reader.GetString(0);
            if (!drills.TryGetValue(system, out var list))
            {
                drills[system] = list = [];
            }

            list.Add(new DrillDigest(
                reader.GetString(1),
                Enum.Parse<RunOutcome>(reader.GetString(2)),
                Time(reader.GetString(3)),
                reader.IsDBNull(4) ? null : Time(reader.GetString(4)),
                reader.IsDBNull(5) ? null : TimeSpan.FromTicks(reader.GetInt64(5)),
                TimeSpan.FromTicks(reader.GetInt64(6)),
                TimeSpan.FromTicks(reader.GetInt64(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8))
            {
                Loss = reader.IsDBNull(9) ? null : new LossDigest(
                    reader.GetDouble(9),
                    reader.IsDBNull(10) ? null : reader.GetDouble(10),
                    reader.IsDBNull(11) ? null : reader.GetInt64(11) == 1,
                    reader.IsDBNull(12) ? 0 : reader.GetInt32(12)),
            });
        }

        return drills;
    }

    /// <summary>Each system's latest run of any outcome: the one record per system the index deserialises.</summary>
    private static Dictionary<string, RunRecord> LatestRuns(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        // Ranked on the narrow columns first, so the window sort never carries a record's JSON.
        command.CommandText = """
            SELECT system_id, record_json FROM runs WHERE run_id IN (
                SELECT run_id FROM (
                    SELECT run_id, ROW_NUMBER() OVER (PARTITION BY system_id ORDER BY started_at_utc DESC, run_id DESC) AS newest FROM runs)
                WHERE newest = 1)
            """;
        using var reader = command.ExecuteReader();
        var latest = new Dictionary<string, RunRecord>(StringComparer.Ordinal);
        while (reader.Read())
        {
            latest[reader.GetString(0)] = Deserialize(reader.GetString(1));
        }

        return latest;
    }
}
