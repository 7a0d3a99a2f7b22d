using System.Threading.Channels;
using Quartz;

namespace Drills.Orchestrator.Service;

/// <summary>
/// Hears Quartz report a missed fire and queues it for <see cref="MissedFires"/>. Quartz calls this inside
/// its store transaction, before it moves the trigger on: so it only reads the trigger and queues.
/// </summary>
internal sealed class MisfireListener(ChannelWriter<MissedFire> queue) : ITriggerListener
{
    public string Name => "drills-misfires";

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask TriggerSkipped(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask TriggerRetriesExhausted(ITrigger trigger, IJobExecutionContext context, JobExecutionException exception, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <summary>Queues a fire the schedule sync found stepped over at start-up, for the same rule as Quartz's misses.</summary>
    public void Report(MissedFire missed) => queue.TryWrite(missed);

    /// <summary>No more misses come once the scheduler has shut down: closing the queue lets <see cref="MissedFires"/> finish.</summary>
    public void Close() => queue.TryComplete();

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        if (trigger.NextFireTimeUtc is { } due && trigger.Key.Group == ScheduleKeys.Group)
        {
            queue.TryWrite(new MissedFire(trigger.JobKey.Name, due));
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A scenario's first fire that Quartz found missed (later ones may have been missed too).</summary>
internal readonly record struct MissedFire(string ScenarioId, DateTimeOffset FirstMissedUtc);
