using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Durations;

namespace Drills.Orchestrator.App;

/// <summary>
/// One agency backup taken now, as the agency's scheduled backup would take it: the target resolved and vetted as a
/// drill resolves it, the system held so no drill runs meanwhile, and its checks passing first. <c>drills backup</c>
/// and the backup schedule of <c>drills serve</c> both take it this way.
/// </summary>
internal static class BackupNow
{
    /// <param name="holder">Who holds the system meanwhile, as a busy drill is told (<c>drills backup</c>, <c>scheduled backup</c>).</param>
    public static async Task<AgencyBackup> TakeAsync(AppServices services, DrillCatalogue catalogue, SystemDefinition system, string holder,
        CancellationToken cancellationToken)
    {
        await services.Runtime.PingAsync(cancellationToken);
        using var held = services.HoldSystem(system.Id, system.Container.Name, holder);
        var runtime = services.Runtime is LabelledOnlyRuntime guarded ? guarded.For(system.Id) : new LabelledOnlyRuntime(services.Runtime, system.Id);
        var target = await new TargetGuard(runtime).ResolveAsync(system, recreates: false, cancellationToken);
        await WaitHealthyAsync(services, runtime, target, catalogue.Defaults.ProbeInterval, cancellationToken);
        return await services.Backups.TakeAsync(system, runtime, target.ContainerId, runId: null, cancellationToken);
    }

    /// <summary>The agency backs up a working system: one just started (or sick) is waited for as a drill's baseline waits, then refused.</summary>
    private static async Task WaitHealthyAsync(AppServices services, IContainerRuntime runtime, DrillTarget target, TimeSpan interval, CancellationToken cancellationToken)
    {
        var within = new DrillOptions().BaselineTimeout;
        var results = await services.SteadyFor(runtime).WaitHealthyAsync(target, new DrillClock(services.Clock), interval, within, cancellationToken);
        if (results.Where(r => !r.Result.Passed).Select(r => $"{r.Item}: {r.Result.Observation}").ToList() is { Count: > 0 } failing)
        {
            throw new BaselineUnhealthyException(
                $"System '{target.System.Id}' did not pass its checks within {DurationText.Format(within)}, so no backup was taken ({string.Join("; ", failing)}).",
                "repair the system or its checks in the catalogue; drills backs up a working system");
        }
    }
}
