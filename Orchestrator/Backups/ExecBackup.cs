using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Backups;

/// <summary>An exec backup: the system's dump command's stdout streamed to one file; restored by feeding it to the load command.</summary>
internal static class ExecBackup
{
    public const string DumpFile = "dump.bin";

    public static async Task<IReadOnlyList<BackupPayload>> TakeAsync(
        IContainerRuntime runtime, string containerId, string backupId, SystemDefinition system, string folder, ArchiveLimit limit, CancellationToken cancellationToken)
    {
        var dump = system.Backup!.Dump;
        var file = Path.Combine(folder, DumpFile);
        var ((sha256, bytes), result) = await runtime.ExecReadAsync(containerId, dump, limit,
            (stdout, ct) => StreamedFile.SaveAsync(file, $"Backup {backupId} of {system.Id}", stdout, ct), cancellationToken);
        if (!result.Succeeded)
        {
            File.Delete(file);
            throw BackupCommandException.For(system.Id, "dump", dump, result);
        }

        return [new BackupPayload(DumpFile, null, sha256, bytes)];
    }

    /// <summary>Feeds a verified dump to the system's load command.</summary>
    public static async Task<string> LoadAsync(IContainerRuntime runtime, string containerId, SystemDefinition system, Snapshot dump, CancellationToken cancellationToken)
    {
        var load = system.Backup!.Load;
        await using var input = await SnapshotStore.OpenVerifiedAsync(dump, cancellationToken);
        var result = await runtime.ExecWithInputAsync(containerId, load, input, cancellationToken);
        if (!result.Succeeded)
        {
            throw BackupCommandException.For(system.Id, "load", load, result);
        }

        return $"loaded {dump.Bytes / 1024} KiB into [{string.Join(' ', load)}]";
    }
}
