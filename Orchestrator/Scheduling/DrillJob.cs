using Drills.Orchestrator.Cli;
using Drills.Scenarios.Runs;
using Microsoft.Extensions.Hosting;
using Quartz;
using Serilog;

namespace Drills.Orchestrator.Scheduling;

/// <summary>
/// One scheduled fire: waits for its turn (one drill per system, a global limit), runs the drill with the
/// engine every on-demand run uses, and publishes its report. A fire never runs twice.
/// </summary>
internal sealed class DrillJob(CatalogueHolder catalogue, AppServices services, DrillGate gate, SkipRecorder skips,
    IHostApplicationLifetime lifetime, ILogger log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var current = catalogue.Current;
        var scenarioId = context.JobDetail.Key.Name;
        if (!current.Scenarios.TryGetValue(scenarioId, out var scenario))
        {
            log.Warning("Fire for {Scenario} ignored: the scenario is no longer in the catalogue", scenarioId);
            return;
        }

        var origin = OriginOf(context);
        if (services.Store.HasRunFor(scenarioId, origin.ScheduledForUtc!.Value))
        {
            log.Information("Fire for {Scenario} due {Due:O} already has a run; not running it twice", scenarioId, origin.ScheduledForUtc);
            return;
        }

        // Stopping the service cancels a running drill, which then rolls its target back before the job returns.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        using var lease = await gate.EnterAsync(scenarioId, scenario.SystemId, stop.Token);
        if (lease is null)
        {
            await skips.RecordAsync(current, scenario, origin, $"the previous run of {scenarioId} was still running or waiting");
            return;
        }

        if (lease.WaitedFor is not null)
        {
            log.Information("{Scenario} waited {Waited} for {WaitedFor}", scenarioId, lease.Waited, lease.WaitedFor);
        }

        var progress = ServiceReports.Progress(log, scenarioId);
        var result = await services.Engine().RunAsync(current, scenario, origin with { Waited = lease.Waited, WaitedFor = lease.WaitedFor }, progress, stop.Token);
        await ServiceReports.PublishAsync(services, result.Record, log);
    }

    private static RunOrigin OriginOf(IJobExecutionContext context)
    {
        var catchUp = context.MergedJobDataMap.GetString(ScheduleKeys.CatchUpFor);
        return catchUp is null
            ? new RunOrigin(RunTrigger.Schedule, context.ScheduledFireTimeUtc ?? context.FireTimeUtc)
            : new RunOrigin(RunTrigger.CatchUp, DateTimeOffset.Parse(catchUp, System.Globalization.CultureInfo.InvariantCulture));
    }

}
