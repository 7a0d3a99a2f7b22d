using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Runs;
using Drills.Scenarios.RunRecords;
using Serilog;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// Closes a run in the store, retrying while the database is busy or the disk full. If the store still
/// refuses, the outcome is kept beside the run's snapshots: a drill that ended must never be taken for one a
/// crash interrupted, or recovery would roll a restored system back over the records written since.
/// </summary>
internal sealed class FinalWrite(IRunStore store, SnapshotStore snapshots, TimeProvider time, ILogger log)
{
    // About a minute in all: long enough for a checkpoint or a backup holding the database to end.
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)];

    /// <summary>Returns true when the run store holds the outcome.</summary>
    public async Task<bool> CompleteAsync(RunRecord record)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                store.Complete(record);
                return true;
            }
            catch (Exception ex) when (attempt < Pauses.Length)
            {
                log.Warning("Run {RunId} ended {Outcome}, but the run store refused it ({Error}); trying again in {Pause}", record.RunId, record.Outcome, ex.Message, Pauses[attempt]);
                await Task.Delay(Pauses[attempt], time, CancellationToken.None);
            }
            catch (Exception ex)
            {
                await KeepAsync(record, ex);
                return false;
            }
        }
    }

    private async Task KeepAsync(RunRecord record, Exception refused)
    {
        try
        {
            await KeptOutcome.SaveAsync(snapshots, record, CancellationToken.None);
            log.Error(refused, "Run {RunId} ended {Outcome}, but the run store still refuses it ({Error}); the outcome is kept in {Folder}, and recovery closes the run from it without a rollback. Fix: free disk space or end what holds the database",
                record.RunId, record.Outcome, refused.Message, snapshots.FolderOf(record.RunId));
        }
        catch (Exception ex)
        {
            log.Fatal(ex, "Run {RunId} ended {Outcome}, but neither the run store ({Error}) nor the snapshots folder ({KeepError}) took its outcome: recovery will take it for an interrupted run. Fix: free disk space, then close it with drills recover {RunId} --confirm --keep-data if the system is healthy",
                record.RunId, record.Outcome, refused.Message, ex.Message, record.RunId);
        }
    }
}
