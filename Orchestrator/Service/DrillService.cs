using Drills.Orchestrator.App;
using Microsoft.Extensions.Hosting;
using Quartz;
using Serilog;

namespace Drills.Orchestrator.Service;

/// <summary>
/// The life of <c>drills serve</c>. Start (after runs a crash interrupted were recovered): bring the job store
/// in line with the catalogue, then start firing, and look for interrupted runs again periodically. Stop: let running drills roll back (bounded), then exit.
/// A fire that comes due in either window is fired late, caught up or recorded as skipped, never dropped.
/// </summary>
internal sealed class DrillService(ISchedulerFactory factory, CatalogueHolder catalogue, AppServices services, ScheduleSync sync,
    MisfireListener misfires, MissedFires missed, RequestWatcher requests, CrashRecovery recovery, SchedulerOptions options, ServiceLife life, ILogger log)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private Task _missed = Task.CompletedTask;
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        log.Information("drills serve starting: catalogue {File} sha256 {Sha}, data in {Data}",
            catalogue.File ?? "(embedded sample)", catalogue.Current.Sha256, services.Data.Root);

        var scheduler = _scheduler = await factory.GetScheduler(cancellationToken);
        scheduler.ListenerManager.AddTriggerListener(misfires, [GroupMatcher<TriggerKey>.GroupEquals(ScheduleKeys.Group)]);
        // A schedule new to the store is owed from the process's start: a fire due while starting is not stepped over.
        var changes = await sync.ApplyAsync(scheduler, catalogue.Current, life.StartedUtc, cancellationToken);
        foreach (var due in changes.SteppedOver)
        {
            misfires.Report(due);
        }

        // Runs until the scheduler has shut down: a miss Quartz finds while drills roll back is still recorded.
        _missed = Task.Run(() => missed.RunAsync(scheduler, CancellationToken.None), CancellationToken.None);
        _loops.Add(Task.Run(() => requests.RunAsync(scheduler, _stopping.Token), CancellationToken.None));
        _loops.Add(Task.Run(() => recovery.RunPeriodicallyAsync(() => catalogue.Current, options.RecoveryInterval, _stopping.Token), CancellationToken.None));
        await scheduler.Start(cancellationToken);
        life.Ready();
        await LogUpcomingAsync(scheduler, cancellationToken);
        log.Information("drills serve started; stop it with Ctrl-C or SIGTERM (running drills roll back first)");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        life.Stopping();
        log.Information("drills serve stopping: running drills roll their targets back first");
        await _stopping.CancelAsync();
        try
        {
            if (_scheduler is not null)
            {
                // Waits for running jobs; each sees the host stopping, aborts and rolls back within its own bound.
                await _scheduler.Shutdown(true, cancellationToken);
            }
        }
        finally
        {
            misfires.Close();
        }

        await Task.WhenAll(_loops.Append(_missed).Select(l => l.ContinueWith(_ => { }, TaskScheduler.Default)));
        log.Information("drills serve stopped");
    }

    public void Dispose() => _stopping.Dispose();

    private async Task LogUpcomingAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var scheduled = catalogue.Current.Scenarios.Values.Where(s => s.Schedule is not null).ToList();
        // One read for all: thousands of schedules must not cost thousands of store round trips at start-up.
        var triggers = (await scheduler.GetTriggers(scheduled.Select(s => ScheduleKeys.Trigger(s.Id)).ToList(), cancellationToken))
            .ToDictionary(t => t.Key.Name, StringComparer.Ordinal);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(catalogue.Current.Defaults.TimeZone);
        foreach (var scenario in scheduled)
        {
            var next = triggers.GetValueOrDefault(scenario.Id)?.NextFireTimeUtc is { } at
                ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture)
                : "none";
            log.Information("Scheduled {Scenario} ({Schedule}, {Zone}): next fire {Next}", scenario.Id, scenario.Schedule, zone.Id, next);
        }
    }
}
