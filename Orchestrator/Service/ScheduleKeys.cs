using Quartz;

namespace Drills.Orchestrator.Service;

/// <summary>The names a scenario's job, trigger and blackout calendar carry in the job store.</summary>
internal static class ScheduleKeys
{
    public const string Group = "drills";

    /// <summary>Job data key of a catch-up fire: the missed fire time it stands for.</summary>
    public const string CatchUpFor = "catch-up-for";

    /// <summary>Job data key: what the trigger was built from, so a reload replaces only what changed.</summary>
    public const string Fingerprint = "fingerprint";

    public static JobKey Job(string scenarioId) => new(scenarioId, Group);

    public static TriggerKey Trigger(string scenarioId) => new(scenarioId, Group);
}
