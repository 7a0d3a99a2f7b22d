using System.Globalization;
using System.Threading.Channels;
using Drills.Orchestrator.Scheduling;
using Drills.Scenarios.Durations;
using Drills.Scenarios.RunRecords;
using Quartz;
using Serilog;

namespace Drills.Orchestrator.Service;

/// <summary>
/// The misfire rule. When fires were missed (the service was down): if the latest missed fire is within the
/// grace period, the drill runs once now (a catch-up run) and any earlier misses are recorded as one skip;
/// otherwise nothing runs and the misses are recorded as a skip. Never more than one catch-up per scenario.
/// While the service stops nothing starts: a miss found then is recorded as a skip, never dropped.
/// </summary>
internal sealed class MissedFires(ChannelReader<MissedFire> queue, CatalogueHolder catalogue, SkipRecorder skips,
    SchedulerOptions options, ServiceLife life, TimeProvider time, ILogger log)
{
    /// <summary>Bounds the replay of a very frequent schedule over a long outage.</summary>
    private const int MaxCounted = 10_000;

    /// <summary>Handles misses until the queue is closed, which the service does once its scheduler has shut down.</summary>
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
        var schedule = ScenarioSchedule.For(current, scenario)!;
        // The first missed fire is where Quartz stood; the rest follow from the cron and the blackout calendar.
        var fires = (List<DateTimeOffset>)[missed.FirstMissedUtc, .. schedule.NextFires(missed.FirstMissedUtc, MaxCounted).Times.TakeWhile(t => t <= now)];
        var latest = fires.Count <= MaxCounted ? fires[^1] : Latest(schedule, fires[^1], now);
        var why = life.PhaseOf(missed.FirstMissedUtc);
        if (life.IsStopping)
        {
            await skips.RecordAsync(current, scenario, new RunOrigin(RunTrigger.Schedule, latest),
                $"{why} ({Span(fires, latest)}); the service was stopping, so no drill was started", cancellationToken);
            return;
        }

        if (now - latest > options.MisfireGrace)
        {
            await skips.RecordAsync(current, scenario, new RunOrigin(RunTrigger.Schedule, latest),
                $"{why} ({Span(fires, latest)}); the latest is {DurationText.Format(Whole(now - latest))} old, beyond the {DurationText.Format(options.MisfireGrace)} grace period, so it was not run late",
                cancellationToken);
            return;
        }

        if (fires.Count > 1)
        {
            // The latest is the catch-up run; the skip covers the ones before it.
            var earlier = fires.Count > MaxCounted ? fires : fires[..^1];
            await skips.RecordAsync(current, scenario, new RunOrigin(RunTrigger.Schedule, fires[0]),
                $"{why} ({Span(earlier, earlier[^1])}); covered by one catch-up run for the fire due {Stamp(latest)}", cancellationToken);
        }

        log.Information("{Scenario}: fire due {Due} was missed; running it once now (within the {Grace} grace period)",
            scenario.Id, Stamp(latest), DurationText.Format(options.MisfireGrace));
        var data = new JobDataMap { [ScheduleKeys.CatchUpFor] = latest.ToString("O", CultureInfo.InvariantCulture) };
        try
        {
            await scheduler.TriggerJob(ScheduleKeys.Job(scenario.Id), data, cancellationToken);
        }
        catch (SchedulerException) when (life.IsStopping)
        {
            // The stop began between the check above and the catch-up: the scheduler takes no new fire now.
            await skips.RecordAsync(current, scenario, new RunOrigin(RunTrigger.Schedule, latest),
                $"{why} ({Span(fires, latest)}); the service began stopping before its catch-up run could start", cancellationToken);
        }
    }

    /// <summary>Past the counting bound, the latest missed fire is found by walking on from the last one counted.</summary>
    private static DateTimeOffset Latest(ScenarioSchedule schedule, DateTimeOffset from, DateTimeOffset now)
    {
        var latest = from;
        while (schedule.NextFires(latest, MaxCounted).Times.TakeWhile(t => t <= now).LastOrDefault() is { } later && later != default)
        {
            latest = later;
        }

        return latest;
    }

    private static string Span(List<DateTimeOffset> fires, DateTimeOffset last) =>
        fires.Count == 1 ? Stamp(last) : $"{Count(fires)} fires from {Stamp(fires[0])} to {Stamp(last)}";

    private static string Count(List<DateTimeOffset> fires) => fires.Count > MaxCounted ? $"more than {MaxCounted}" : fires.Count.ToString(CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static TimeSpan Whole(TimeSpan value) => TimeSpan.FromSeconds(Math.Floor(value.TotalSeconds));
}
