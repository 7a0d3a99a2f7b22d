using System.Globalization;
using System.Threading.Channels;
using Drills.Scenarios.Durations;
using Drills.Scenarios.Runs;
using Quartz;
using Serilog;

namespace Drills.Orchestrator.Scheduling;

/// <summary>
/// The misfire rule. When fires were missed (the service was down): if the latest missed fire is within the
/// grace period, the drill runs once now (a catch-up run) and any earlier misses are recorded as one skip;
/// otherwise nothing runs and the misses are recorded as a skip. Never more than one catch-up per scenario.
/// </summary>
internal sealed class MissedFires(ChannelReader<MissedFire> queue, CatalogueHolder catalogue, SkipRecorder skips,
    SchedulerOptions options, TimeProvider time, ILogger log)
{
    /// <summary>Bounds the replay of a very frequent schedule over a long outage.</summary>
    private const int MaxCounted = 10_000;

    public async Task RunAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        await foreach (var missed in queue.ReadAllAsync(cancellationToken))
        {
            try
            {
                await HandleAsync(scheduler, missed, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.Error(ex, "Missed fire of {Scenario} could not be handled: {Error}", missed.ScenarioId, ex.Message);
            }
        }
    }

    private async Task HandleAsync(IScheduler scheduler, MissedFire missed, CancellationToken cancellationToken)
    {
        var current = catalogue.Current;
        if (!current.Scenarios.TryGetValue(missed.ScenarioId, out var scenario) || scenario.Schedule is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var fires = MissedTimes(current, scenario, missed.FirstMissedUtc, now);
        if (fires.Count == 0)
        {
            return;
        }

        var latest = fires[^1];
        var span = fires.Count == 1 ? Stamp(latest) : $"{fires.Count} fires from {Stamp(fires[0])} to {Stamp(latest)}";
        if (now - latest > options.MisfireGrace)
        {
            await skips.RecordAsync(current, scenario, new RunOrigin(RunTrigger.Schedule, latest),
                $"missed while the service was down ({span}); the latest is {DurationText.Format(Whole(now - latest))} old, beyond the {DurationText.Format(options.MisfireGrace)} grace period, so it was not run late");
            return;
        }

        if (fires.Count > 1)
        {
            await skips.RecordAsync(current, scenario, new RunOrigin(RunTrigger.Schedule, fires[0]),
                $"missed while the service was down ({span}); covered by one catch-up run for the latest");
        }

        log.Information("{Scenario}: fire due {Due:O} was missed; running it once now (within the {Grace} grace period)",
            scenario.Id, latest, options.MisfireGrace);
        var data = new JobDataMap { [ScheduleKeys.CatchUpFor] = latest.ToString("O", CultureInfo.InvariantCulture) };
        await scheduler.TriggerJob(ScheduleKeys.Job(scenario.Id), data, cancellationToken);
    }

    private static List<DateTimeOffset> MissedTimes(Scenarios.Catalogue.DrillCatalogue catalogue, Scenarios.Catalogue.ScenarioDefinition scenario,
        DateTimeOffset first, DateTimeOffset now)
    {
        // The first missed fire is where Quartz stood; the rest follow from the cron and the blackout calendar.
        var schedule = ScenarioSchedule.For(catalogue, scenario)!;
        var later = schedule.NextFires(first, MaxCounted).Times.TakeWhile(t => t <= now);
        return [first, .. later];
    }

    private static string Stamp(DateTimeOffset utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static TimeSpan Whole(TimeSpan value) => TimeSpan.FromSeconds(Math.Floor(value.TotalSeconds));
}
