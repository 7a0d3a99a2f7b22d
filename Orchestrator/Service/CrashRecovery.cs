using Drills.Orchestrator.App;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;
using Serilog;

namespace Drills.Orchestrator.Service;

/// <summary>
/// Finds runs left "running" by a process that no longer exists (kill -9, power loss, a crashed drills run)
/// and has the engine roll each target back and close the run as aborted, with its report: once when the
/// service starts, before its catalogue is even read, and then periodically while it runs.
/// </summary>
internal sealed class CrashRecovery(AppServices services, ILogger log)
{
    /// <summary>Runs a crash left open: marked running, their process gone.</summary>
    public IReadOnlyList<RunRecord> Interrupted() => services.Store.ListRunning().Where(r => !RunOwners.IsAlive(r.Owner)).ToArray();

    /// <summary>One pass over the interrupted runs given.</summary>
    /// <param name="current">Today's catalogue, null when none loads: used when it is the one the run was drilled with, or that one was not kept.</param>
    /// <param name="retryFailed">
    /// Whether to try again a run whose rollback already failed: at start-up yes; not in the periodic pass, which
    /// would otherwise restore and kill a target every minute while someone repairs it (the next drill of the
    /// system, a restart of the service or drills recover tries again).
    /// </param>
    public async Task RunOnceAsync(IReadOnlyList<RunRecord> runs, Func<DrillCatalogue?> current, bool retryFailed, CancellationToken cancellationToken)
    {
        foreach (var run in runs.Where(r => retryFailed || !r.Journal.Any(e => e.Message == InterruptedRun.RollbackFailed)))
        {
            try
            {
                var progress = ServiceReports.Progress(log, run.ScenarioId);
                var result = await services.Engine().RecoverInterruptedAsync(current(), run, RecoveryConsent.Automatic, progress, cancellationToken);
                if (result.WaitsForOperator is not null || result.AlreadyClosed)
                {
                    // Said once, in the run's journal and the log, when the run first came to wait.
                    continue;
                }

                if (result.StillOpen)
                {
                    log.Error("Interrupted run {RunId}: the rollback of {Container} did not complete; it stays open and is tried again", run.RunId, run.ContainerName);
                    continue;
                }

                log.Warning("Interrupted run {RunId} closed as {Outcome} ({Reason}); rolled back: {RolledBack}",
                    run.RunId, result.Record.Outcome.ToString().ToLowerInvariant(), result.Record.AbortReason ?? "its outcome was kept", result.Record.RolledBack);
                await ServiceReports.PublishAsync(services, result.Record, log, CancellationToken.None);
            }
            catch (Exception ex) when (ex is SystemBusyException or ContainerBusyException)
            {
                // Another process is recovering or drilling it right now: it is that process's to close.
                log.Debug("Interrupted run {RunId} is left to the process holding it: {Error}", run.RunId, ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left "running": the next pass tries again rather than marking a target repaired that is not.
                log.Error(ex, "Interrupted run {RunId} could not be recovered now: {Error}", run.RunId, ex.Message);
            }
        }
    }

    /// <summary>Passes at every interval until stopped: a drills run that crashes while the service runs is not left attacked until the next restart.</summary>
    public async Task RunPeriodicallyAsync(Func<DrillCatalogue?> current, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, services.Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await RunOnceAsync(Interrupted(), current, retryFailed: false, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The service is stopping.
        }
    }
}
