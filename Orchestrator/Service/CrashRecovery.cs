using Drills.Orchestrator.App;
using Drills.Orchestrator.Drill;
using Drills.Scenarios.RunRecords;
using Serilog;

namespace Drills.Orchestrator.Service;

/// <summary>
/// At start-up, finds runs left "running" by a process that no longer exists (kill -9, power loss) and
/// has the engine roll each target back and close the run as aborted, with its report.
/// </summary>
internal sealed class CrashRecovery(CatalogueHolder catalogue, AppServices services, ILogger log)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var run in services.Store.ListRunning().Where(r => !RunOwners.IsAlive(r.Owner)))
        {
            try
            {
                var progress = ServiceReports.Progress(log, run.ScenarioId);
                var record = await services.Engine().RecoverInterruptedAsync(catalogue.Current, run, progress, cancellationToken);
                if (record.Outcome == RunOutcome.Running)
                {
                    log.Error("Interrupted run {RunId}: the rollback of {Container} did not complete; it stays open and the next start tries again", run.RunId, run.ContainerName);
                    continue;
                }

                log.Warning("Interrupted run {RunId} closed as aborted ({Reason}); rolled back: {RolledBack}", run.RunId, record.AbortReason, record.RolledBack);
                await ServiceReports.PublishAsync(services, record, log, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left "running": the next start tries again rather than marking a target repaired that is not.
                log.Error(ex, "Interrupted run {RunId} could not be recovered now: {Error}", run.RunId, ex.Message);
            }
        }
    }
}
