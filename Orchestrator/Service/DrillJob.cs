using Drills.Orchestrator.App;
using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;
using Microsoft.Extensions.Hosting;
using Quartz;
using Serilog;

namespace Drills.Orchestrator.Service;

/// <summary>
/// One scheduled fire: waits for its turn (one drill per system, a global limit), runs the drill with the
/// engine every on-demand run uses, and publishes its report. A fire never runs twice.
/// </summary>
internal sealed class DrillJob(CatalogueHolder catalogue, AppServices services, DrillGate gate, SkipRecorder skips,
    SchedulerOptions options, IHostApplicationLifetime lifetime, TimeProvider time, ILogger log) : IJob
{
    private static readonly TimeSpan BusyRetry = TimeSpan.FromSeconds(2);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var scenarioId = context.JobDetail.Key.Name;
        new FireTiming(scenarioId, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.FireTimeUtc, time.GetUtcNow()).Log(log);
        var current = catalogue.Current;
        if (!current.Scenarios.TryGetValue(scenarioId, out var scenario))
        {
            log.Warning("Fire for {Scenario} ignored: the scenario is no longer in the catalogue", scenarioId);
            return;
        }

        var origin = OriginOf(context);
        if (services.Store.HasRunFor(scenarioId, origin.ScheduledForUtc!.Value))
        {
            log.Information("Fire for {Scenario} due {Due:yyyy-MM-dd HH:mm:ss} UTC already has a run; not running it twice", scenarioId, origin.ScheduledForUtc);
            return;
        }

        // Stopping the service cancels a running drill, which then rolls its target back before the job returns.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            await RunInTurnAsync(current, scenario, origin, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Cancelled while waiting for its turn: nothing was touched, but the fire must not vanish silently.
            await skips.RecordAsync(current, scenario, origin, "the service stopped before the drill's turn came", CancellationToken.None);
        }
    }

    private async Task RunInTurnAsync(DrillCatalogue current, ScenarioDefinition scenario, RunOrigin origin, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var lease = await gate.EnterAsync(scenario.Id, scenario.SystemId, cancellationToken);
        if (lease is null)
        {
            // Name the run in the way, so a reader of the skip can open its report.
            var blocking = services.Store.ListRunning().LastOrDefault(r => r.ScenarioId == scenario.Id && r.Owner?.ProcessId == Environment.ProcessId)?.RunId;
            var reason = blocking is null
                ? $"the previous fire of {scenario.Id} was still waiting for its turn"
                : $"the previous run of {scenario.Id} ({blocking}) was still running";
            await skips.RecordAsync(current, scenario, origin, reason, cancellationToken);
            return;
        }

        var waitedFor = lease.WaitedFor;
        var progress = ServiceReports.Progress(log, scenario.Id);
        while (true)
        {
            // A reload may have come while this fire waited: drill what the catalogue says now.
            var now = catalogue.Current;
            if (!now.Scenarios.TryGetValue(scenario.Id, out var latest))
            {
                await skips.RecordAsync(current, scenario, origin, "the scenario was removed from the catalogue while the fire waited for its turn", cancellationToken);
                return;
            }

            (current, scenario) = (now, latest);
            try
            {
                var turn = origin with { Waited = time.GetElapsedTime(started), WaitedFor = waitedFor };
                var engine = services.Engine();
                // A crashed drills run of this system may have left it attacked: roll it back before drilling it again.
                try
                {
                    await InterruptedRuns.RecoverAsync(services, engine, current, scenario.SystemId, progress, cancellationToken);
                }
                catch (TargetRefusedException ex)
                {
                    await skips.RecordAsync(current, scenario, origin, ex.Problem, cancellationToken);
                    return;
                }

                var result = await engine.RunAsync(current, scenario, turn, progress, cancellationToken);
                // The drill is over (perhaps aborted by a stop): its report is written even while stopping.
                await ServiceReports.PublishAsync(services, result.Record, log, CancellationToken.None);
                PruneSnapshots(scenario.SystemId);
                return;
            }
            catch (SystemBusyException ex)
            {
                // Another process (an operator's drills run) holds the system: wait for it, as for a drill of this service.
                if (waitedFor is null || !waitedFor.StartsWith("another process", StringComparison.Ordinal))
                {
                    log.Information("{Scenario} waits: another process ({Holder}) is drilling {System}; it runs when that drill ends", scenario.Id, ex.Holder, ex.SystemId);
                }

                waitedFor = $"another process drilling {scenario.SystemId}";
                await Task.Delay(BusyRetry, time, cancellationToken);
            }
        }
    }

    /// <summary>Per system, finished runs older than the newest N lose their archives, unless their target may still need them.</summary>
    private void PruneSnapshots(string systemId)
    {
        var prunable = SnapshotRetention.Prunable(services.Store.List(options.KeepSnapshots + 500), systemId, options.KeepSnapshots);
        try
        {
            if (SnapshotRetention.Prune(services.Data.Snapshots, prunable) is > 0 and var pruned)
            {
                log.Information("Deleted the snapshot archives of {Count} older run(s) of {System}; the newest {Keep} keep theirs, every run keeps its baseline checksums",
                    pruned, systemId, options.KeepSnapshots);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Warning(ex, "Old snapshot archives under {Folder} could not be deleted: {Error}. Fix: check the folder's permissions and free disk space", services.Data.Snapshots, ex.Message);
        }
    }


    private static RunOrigin OriginOf(IJobExecutionContext context)
    {
        var catchUp = context.MergedJobDataMap.GetString(ScheduleKeys.CatchUpFor);
        return catchUp is null
            ? new RunOrigin(RunTrigger.Schedule, context.ScheduledFireTimeUtc ?? context.FireTimeUtc)
            : new RunOrigin(RunTrigger.CatchUp, DateTimeOffset.Parse(catchUp, System.Globalization.CultureInfo.InvariantCulture));
    }

}
