using System.Security.Cryptography;
using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Tests.Orchestrator.Canaries;

/// <summary>Agency backups of a <see cref="FakeCanaryTable"/>: a backup is a copy of its rows, taken at the fake clock's time.</summary>
internal sealed class FakeAgencyBackups(FakeCanaryTable table, TimeProvider time) : IAgencyBackups
{
    private readonly List<(AgencyBackup Backup, IReadOnlyList<(string Marker, DateTimeOffset At)> Rows)> _taken = [];

    /// <summary>What <see cref="TakeAsync"/> throws instead of taking a backup; null: it takes one.</summary>
    public Exception? Failure { get; set; }

    /// <summary>A backup the system already has, as its schedule took it.</summary>
    public AgencyBackup Add(DateTimeOffset takenAt) => Keep(takenAt);

    public Task<AgencyBackup> TakeAsync(SystemDefinition system, IContainerRuntime runtime, string containerId, string? runId, CancellationToken cancellationToken) =>
        Failure is { } failure ? Task.FromException<AgencyBackup>(failure) : Task.FromResult(Keep(time.GetUtcNow()));

    public Task<AgencyBackup?> NewestIntactAsync(SystemDefinition system, IContainerRuntime runtime, string? containerId, CancellationToken cancellationToken) =>
        Task.FromResult(List(system.Id) is [var newest, ..] ? newest : null);

    public IReadOnlyList<AgencyBackup> List(string systemId)
    {
        lock (_taken)
        {
            return _taken.Select(t => t.Backup).OrderByDescending(b => b.TakenAtUtc).ToArray();
        }
    }

    /// <summary>The backup's rows as a dump file in a folder of its own, verified the way the store verifies a copy.</summary>
    public async Task<VerifiedCopy> OpenAsync(AgencyBackup backup, string copy, IContainerRuntime runtime, string? containerId, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string Marker, DateTimeOffset At)> rows;
        lock (_taken)
        {
            rows = _taken.Single(t => t.Backup.Id == backup.Id).Rows;
        }

        var folder = Path.Combine(Path.GetTempPath(), "drills-fake-backup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "dump");
        var dump = FakeCanaryTable.Dump(rows);
        await File.WriteAllBytesAsync(file, dump, cancellationToken);
        return new VerifiedCopy(backup, copy, [new Snapshot("", file, Convert.ToHexStringLower(SHA256.HashData(dump)), dump.Length)], folder);
    }

    public void Hold(AgencyBackup backup, string runId)
    {
    }

    public void Release(string runId)
    {
    }

    /// <summary>Puts the newest backup's rows back into the table, as restore-backup latest would.</summary>
    public AgencyBackup RestoreLatest()
    {
        lock (_taken)
        {
            var newest = _taken.MaxBy(t => t.Backup.TakenAtUtc);
            table.Replace(newest.Rows);
            return newest.Backup;
        }
    }

    private AgencyBackup Keep(DateTimeOffset takenAt)
    {
        var backup = new AgencyBackup($"{takenAt:yyyyMMdd-HHmmss}-{_taken.Count:x8}", "portal", BackupMethod.Exec, takenAt, 0, new string('0', 64), null, ["online", "offline"]);
        lock (_taken)
        {
            _taken.Add((backup, table.Rows));
        }

        return backup;
    }
}
