using System.Globalization;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Drill;

/// <summary>Who a run's evidence says started it: the OS user on demand, or the schedule and its fire time.</summary>
internal static class RunStarter
{
    public static string Of(RunOrigin origin, string scenarioId) => origin.Trigger switch
    {
        RunTrigger.Schedule => $"schedule:{scenarioId} fire {Stamp(origin.ScheduledForUtc)}",
        RunTrigger.CatchUp => $"schedule:{scenarioId} fire {Stamp(origin.ScheduledForUtc)} (caught up)",
        _ => User,
    };

    /// <summary>The OS user this process runs as, as a starter: <c>user:NAME</c>.</summary>
    public static string User => "user:" + Environment.UserName;

    private static string Stamp(DateTimeOffset? fireUtc) =>
        fireUtc?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "unknown";
}
