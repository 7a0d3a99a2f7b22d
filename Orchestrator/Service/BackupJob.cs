using Drills.Orchestrator.App;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Safety;
using Microsoft.Extensions.Hosting;
using Quartz;
using Serilog;

namespace Drills.Orchestrator.Service;

/// <summary>
/// One scheduled agency backup of a system, taken as <c>drills backup</c> takes it. A system a drill holds is not
/// backed up at that fire (a copy of attacked data is no backup): the next fire takes it. Nothing here ever attacks.
/// </summary>
internal sealed class BackupJob(CatalogueHolder catalogue, AppServices services, IHostApplicationLifetime lifetime, ILogger log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var current = catalogue.Current;
        var systemId = context.JobDetail.Key.Name;
        if (!current.Systems.TryGetValue(systemId, out var system) || system.Backup is null)
        {
            log.Warning("Backup fire for {System} ignored: the system, or its backup, is no longer in the catalogue", systemId);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            var backup = await BackupNow.TakeAsync(services, current, system, "scheduled backup", stop.Token);
            log.Information("Scheduled backup {Backup} of {System} taken: {Bytes} bytes, sha256 {Sha256}, copies {Copies}",
                backup.Id, system.Id, backup.Bytes, backup.Sha256, string.Join(", ", backup.Copies));
        }
        catch (Exception ex) when (ex is SystemBusyException or ContainerBusyException)
        {
            log.Warning("Scheduled backup of {System} not taken at this fire: {Problem} (a drill holds the system; the next fire takes it)",
                system.Id, DrillsException.ProblemOf(ex));
        }
        catch (DrillsException ex)
        {
            log.Error("Scheduled backup of {System} FAILED: {Problem}. Fix: {Fix}", system.Id, ex.Problem, ex.Fix);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            log.Information("Scheduled backup of {System} stopped: the service is stopping (a half-written backup is never listed)", system.Id);
        }
    }
}
