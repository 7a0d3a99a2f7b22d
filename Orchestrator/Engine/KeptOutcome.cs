using System.Text;
using System.Text.Json;
using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Runs;
using Drills.Reports.Files;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// A run's outcome written beside its snapshots when the run store refused it (disk full, database busy):
/// crash recovery reads it and closes the run as it ended, instead of rolling back a drill that already did.
/// </summary>
internal static class KeptOutcome
{
    private const string FileName = "outcome.json";

    public static async Task SaveAsync(SnapshotStore snapshots, RunRecord record, CancellationToken cancellationToken)
    {
        var folder = snapshots.FolderOf(record.RunId);
        PrivateFiles.CreateFolder(folder);
        // Replaced whole and flushed to disk when this returns.
        await PrivateFiles.ReplaceAsync(Path.Combine(folder, FileName), Encoding.UTF8.GetBytes(RunJson.SerializeMasked(record)), cancellationToken);
    }

    /// <summary>The ended run kept for this id, or null when there is none (or it is unreadable, so the run is recovered as any other).</summary>
    public static RunRecord? Load(SnapshotStore snapshots, string runId)
    {
        var file = Path.Combine(snapshots.FolderOf(runId), FileName);
        try
        {
            return File.Exists(file) && JsonSerializer.Deserialize<RunRecord>(File.ReadAllBytes(file), RunJson.Options) is { Outcome: not RunOutcome.Running } kept
                   && kept.RunId == runId
                ? kept
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
