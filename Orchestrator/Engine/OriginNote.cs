using Drills.Scenarios.Durations;
using Drills.Scenarios.RunRecords;
using static System.FormattableString;

namespace Drills.Orchestrator.Engine;

/// <summary>The journal line that says why a run started when it did: a scheduled fire, its due time and any delay.</summary>
internal static class OriginNote
{
    public static string? For(RunOrigin origin, DateTimeOffset startedAtUtc)
    {
        if (origin.ScheduledForUtc is not { } due)
        {
            return null;
        }

        var what = origin.Trigger is RunTrigger.CatchUp
            ? Invariant($"Catch-up run for the missed fire due {due:yyyy-MM-dd HH:mm:ss} UTC")
            : Invariant($"Fired by the schedule, due {due:yyyy-MM-dd HH:mm:ss} UTC");
        var late = startedAtUtc - due;
        var delay = late >= TimeSpan.FromSeconds(1) ? $"; started {DurationText.Format(Round(late))} late" : "";
        var wait = origin.WaitedFor is { } reason && origin.Waited > TimeSpan.Zero
            ? $" (waited {DurationText.Format(Round(origin.Waited))} for {reason})"
            : "";
        return what + delay + wait;
    }

    private static TimeSpan Round(TimeSpan value) => TimeSpan.FromSeconds(Math.Round(value.TotalSeconds));
}
