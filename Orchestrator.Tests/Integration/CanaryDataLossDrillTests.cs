using System.Globalization;
using Drills.Orchestrator.Engine;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// Data loss measured against a real PostgreSQL server: a canary row every 200 ms, an agency backup (pg_dump) taken
/// 3 s before a wiper, restore-backup latest through pg_restore. The truth is the database's own clock: each insert
/// also appends its marker and written_at to a file the restore does not touch.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class CanaryDataLossDrillTests : IAsyncLifetime
{
    private const string Name = "drills-test-cn-records";
    private const string SampleName = "drills-test-cn-sample";
    private const string SampleVolume = "drills-test-cn-sample-data";
    private const string TruthFile = "/tmp/drills-test-cn-truth";
    private const double BackupBefore = 3.0;
    private const double WriteBound = 5.0;
    private const double ClockSlack = 0.05;
    private readonly RealDrillHarness _h = new();

    private static readonly string Catalogue = TestSystems.RecordsWiper(Name, 19251, "[checks]").Replace("""
            data:
              paths: [/var/lib/postgresql/data]
        """, $$"""
            rpo_target: 1m
            data:
              paths: [/var/lib/postgresql/data]
            backup:
              method: exec
              dump: ["pg_dump", "-U", "postgres", "-h", "127.0.0.1", "-Fc", "records"]
              load: ["pg_restore", "-U", "postgres", "-h", "127.0.0.1", "-d", "records", "--clean", "--if-exists"]
            canary:
              write:
                - sh
                - -c
                - 'psql -U postgres -h 127.0.0.1 -d records -v ON_ERROR_STOP=1 -qtAc "SET client_min_messages = warning; CREATE TABLE IF NOT EXISTS canary (marker text PRIMARY KEY, written_at timestamptz NOT NULL DEFAULT clock_timestamp()); INSERT INTO canary(marker) VALUES (''{marker}'') RETURNING marker, extract(epoch from written_at)" >> {{TruthFile}}'
              read: ["psql", "-U", "postgres", "-h", "127.0.0.1", "-d", "records", "-tAc", "SELECT marker FROM canary"]
              interval: 200ms
        """, StringComparison.Ordinal).Replace("""
            restore:
              - exec: ["su", "postgres", "-c", "pg_ctl -D /var/lib/postgresql/data -m fast -w stop"]
              - restore-backup: baseline
              - restart: {}
        """, """
            backup_before: 3s
            restore:
              - restore-backup: latest
        """, StringComparison.Ordinal);

    [Fact]
    public async Task A_canary_every_200ms_loses_exactly_the_rows_written_after_a_backup_taken_3s_before_the_attack()
    {
        var result = await _h.RunAsync(_h.Load(Catalogue), "wiper", backups: _h.Backups());

        Assert.True(DrillEnd.Passed == result.End, Journal(result));
        var loss = result.Record.DataLoss ?? throw new Xunit.Sdk.XunitException("no data loss measured: " + Journal(result));
        var truth = await TruthAsync(result.Record.RunId, loss);
        var present = loss.Markers.Where(m => m.Present).Select(m => m.Marker).ToHashSet(StringComparer.Ordinal);
        // The backup holds the database as pg_dump's snapshot saw it, a moment after the manifest's taken-at time:
        // by the database's own clock, every row newer than the newest row that came back is what the backup missed.
        var newestKept = truth.Where(t => present.Contains(t.Marker)).Max(t => t.At);
        var missed = truth.Where(t => t.At > newestKept).OrderBy(t => t.At).ToList();
        var afterTakenAt = truth.Count(t => t.At > loss.BackupTakenAtUtc!.Value);
        Assert.Equal(result.Record.RestoredFrom[^1].BackupId, loss.BackupId);
        Assert.Equal(0, loss.BackupDefects);
        Assert.Equal(loss.MarkersWritten, loss.MarkersPresent + loss.MarkersLost);
        Assert.InRange(loss.MarkersLost, missed.Count - 1, missed.Count + 1);
        Assert.InRange(loss.MarkersLost, 1, afterTakenAt + 1);
        // drills stamps a write when its answer comes: after the database committed it, and within the write bound.
        var answeredAt = loss.Markers.Where(m => m.Written).ToDictionary(m => m.Marker, m => m.WrittenAtUtc, StringComparer.Ordinal);
        var latency = truth.Select(t => (answeredAt[t.Marker] - t.At).TotalSeconds).ToList();
        Assert.All(latency, l => Assert.InRange(l, -ClockSlack, WriteBound));
        var lost = loss.Markers.Where(m => m.Written && !m.Present).Select(m => m.Marker).ToHashSet(StringComparer.Ordinal);
        var lostTruth = truth.Where(t => lost.Contains(t.Marker)).Select(t => t.At).ToList();
        var slowest = truth.Where(t => lost.Contains(t.Marker)).Max(t => (answeredAt[t.Marker] - t.At).TotalSeconds);
        var span = (lostTruth.Max() - lostTruth.Min()).TotalSeconds;
        Assert.InRange((loss.LostToUtc!.Value - loss.LostFromUtc!.Value).TotalSeconds, span - slowest - ClockSlack, span + slowest + ClockSlack);
        AssertWindow(result, loss);
        Assert.Equal(loss.MarkersPresent, await CountRowsAsync(Name, result.Record.RunId));
    }

    [Fact]
    public async Task The_sample_records_database_loses_the_rows_written_after_its_backup()
    {
        var result = await _h.RunAsync(_h.Load(SampleCatalogue()), "records-data-loss", backups: _h.Backups());

        Assert.Equal(DrillEnd.Passed, result.End);
        var loss = result.Record.DataLoss ?? throw new Xunit.Sdk.XunitException("no data loss measured: " + Journal(result));
        var rows = await CountRowsAsync(SampleName, result.Record.RunId);
        var newestKept = DateTimeOffset.Parse((await PsqlAsync(SampleName, $"SELECT to_char(max(written_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM canary WHERE marker LIKE '{result.Record.RunId}-%'")).Trim(), CultureInfo.InvariantCulture);
        Assert.Equal(loss.MarkersWritten, loss.MarkersPresent + loss.MarkersLost);
        Assert.Equal(loss.MarkersPresent, rows);
        Assert.InRange(loss.MarkersLost, 1, int.MaxValue);
        Assert.True(loss.LostFromUtc > newestKept, $"marker lost from {loss.LostFromUtc:O}, yet a row of {newestKept:O} is back");
        AssertWindow(result, loss);
    }

    /// <summary>
    /// The window is T0 (the journal's attack start) minus the manifest's taken-at time. T0 comes backup_before after
    /// taken-at, or when the backup is done if taking it took longer (a busy machine), later only by the canary write
    /// in flight then (bounded by the write bound).
    /// </summary>
    private static void AssertWindow(DrillResult result, DataLoss loss)
    {
        var takenAt = loss.BackupTakenAtUtc!.Value;
        var t0 = result.Record.Journal.First(e => e.Mark == JournalMark.AttackStart).TimestampUtc;
        var backupDone = result.Record.Journal.First(e => e.Message.StartsWith($"Backup {loss.BackupId} taken at", StringComparison.Ordinal)).TimestampUtc;
        var due = new[] { takenAt.AddSeconds(BackupBefore), backupDone }.Max();
        Assert.Equal((t0 - takenAt).TotalSeconds, loss.LossWindowSeconds, 0.001);
        Assert.InRange(loss.LossWindowSeconds, BackupBefore, double.MaxValue);
        Assert.InRange((t0 - due).TotalSeconds, -ClockSlack, WriteBound + ClockSlack);
    }

    /// <summary>The sample's records system and its data-loss scenario, on this class's own container, port and volume.</summary>
    private static string SampleCatalogue()
    {
        var yaml = File.ReadAllText(SamplePath());
        var system = yaml[yaml.IndexOf("  citizen-records:", StringComparison.Ordinal)..yaml.IndexOf("\nscenarios:", StringComparison.Ordinal)];
        var scenario = yaml[yaml.IndexOf("  records-data-loss:", StringComparison.Ordinal)..yaml.IndexOf("\ncalendars:", StringComparison.Ordinal)];
        return ("version: 1\nsystems:\n" + system + "\nscenarios:\n" + scenario)
            .Replace("drills-citizen-records", SampleName, StringComparison.Ordinal)
            .Replace("drills-records-data", SampleVolume, StringComparison.Ordinal)
            .Replace("15432", "19252", StringComparison.Ordinal);
    }

    /// <summary>The database's own time of every marker of the run whose write drills recorded as succeeded.</summary>
    private async Task<List<(string Marker, DateTimeOffset At)>> TruthAsync(string runId, DataLoss loss)
    {
        var written = loss.Markers.Where(m => m.Written).Select(m => m.Marker).ToHashSet(StringComparer.Ordinal);
        var file = await _h.ExecAsync(Name, "cat", TruthFile);
        return [.. file.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|'))
            .Where(f => f[0].StartsWith(runId, StringComparison.Ordinal) && written.Contains(f[0]))
            .Select(f => (f[0], DateTimeOffset.UnixEpoch.AddTicks((long)(decimal.Parse(f[1], CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond))))];
    }

    private async Task<int> CountRowsAsync(string container, string runId) =>
        int.Parse((await PsqlAsync(container, $"SELECT count(*) FROM canary WHERE marker LIKE '{runId}-%'")).Trim(), CultureInfo.InvariantCulture);

    private async Task<string> PsqlAsync(string container, string sql)
    {
        var result = await _h.ExecAsync(container, "psql", "-U", "postgres", "-h", "127.0.0.1", "-d", "records", "-tAc", sql);
        Assert.True(result.Succeeded, result.ShortOutput());
        return result.Stdout;
    }

    private static string Journal(DrillResult result) => string.Join("\n", result.Record.Journal.Select(e => $"{e.Message} {e.Detail}"));

    private static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "drills.sln")))
            {
                return Path.Combine(dir.FullName, "scenarios.yaml");
            }
        }

        throw new InvalidOperationException("drills.sln not found above " + AppContext.BaseDirectory);
    }

    public Task InitializeAsync() => DockerCli.RemoveAsync(SampleName, SampleVolume);

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await DockerCli.RemoveAsync(SampleName, SampleVolume);
    }
}
