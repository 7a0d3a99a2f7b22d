using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.App;

/// <summary>
/// Runs of a system that a crash left open (their process is gone) are rolled back before anything else
/// drills that system: a drill never starts on a target that may still be attacked, whichever front end
/// (drills run, a scheduled fire) comes first after the crash.
/// </summary>
internal static class InterruptedRuns
{
    /// <summary>Recovers every interrupted run of the system and publishes its report; returns the closed runs.</summary>
    /// <exception cref="TargetRefusedException">A rollback could not complete: the run stays open and nothing else may drill the system.</exception>
    public static async Task<IReadOnlyList<RunRecord>> RecoverAsync(AppServices services, DrillEngine engine, DrillCatalogue catalogue, string systemId,
        IProgress<JournalEvent>? progress, CancellationToken cancellationToken)
    {
        var closed = new List<RunRecord>();
        foreach (var run in services.Store.ListRunning().Where(r => r.SystemId == systemId && !RunOwners.IsAlive(r.Owner)))
        {
            var result = await engine.RecoverInterruptedAsync(catalogue, run, RecoveryConsent.Automatic, progress, cancellationToken);
            var record = result.Record;
            if (result.AlreadyClosed)
            {
                continue;
            }

            if (result.WaitsForOperator is { } why)
            {
                throw new TargetRefusedException(
                    $"Run {run.RunId} of system {systemId} was interrupted, and its baseline is not restored without an operator: {why}. Nothing was drilled.",
                    StaleBaseline.Fix(run.RunId));
            }

            if (result.StillOpen)
            {
                throw new TargetRefusedException(
                    $"Run {run.RunId} of system {systemId} was interrupted and its rollback of {run.ContainerName} did not complete, so the container may still be attacked; nothing was drilled.",
                    $"read the run's journal (drills report {run.RunId}), repair {run.ContainerName}, then run again");
            }

            closed.Add(await PublishAsync(services, record));
        }

        return closed;
    }

    /// <summary>
    /// Recovers every interrupted run of the data directory before a drill starts: pressure a crashed drill left on
    /// any system (marked workers, a paused or cut-off container) is released whichever system is drilled next. A
    /// run of a system about to be drilled that cannot be closed refuses the drill as <see cref="RecoverAsync"/> does;
    /// one of another system is only reported through <paramref name="warn"/>, and stays open for the next try.
    /// </summary>
    public static async Task<IReadOnlyList<RunRecord>> RecoverAllAsync(AppServices services, DrillEngine engine, DrillCatalogue catalogue,
        IReadOnlySet<string> drilled, IProgress<JournalEvent>? progress, Action<string> warn, CancellationToken cancellationToken)
    {
        var closed = new List<RunRecord>();
        foreach (var systemId in services.Store.ListRunning().Where(r => !RunOwners.IsAlive(r.Owner)).Select(r => r.SystemId).Distinct(StringComparer.Ordinal))
        {
            try
            {
                closed.AddRange(await RecoverAsync(services, engine, catalogue, systemId, progress, cancellationToken));
            }
            catch (Exception ex) when (!drilled.Contains(systemId) && ex is not OperationCanceledException)
            {
                warn($"interrupted run(s) of {systemId} left open: {DrillsException.ProblemOf(ex)}");
            }
        }

        return closed;
    }

    /// <summary>
    /// The closed run with its report's path, its evidence written and signed; a report that failed to render is
    /// written again with drills report, evidence that failed with drills export (both are logged).
    /// </summary>
    public static async Task<RunRecord> PublishAsync(AppServices services, RunRecord record)
    {
        var path = await RunOutputs.PublishLoggedAsync(services, record, services.Log, CancellationToken.None);
        return path is null ? record : record with { ReportPath = path };
    }
}
