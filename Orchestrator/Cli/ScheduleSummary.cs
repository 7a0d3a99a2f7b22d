using Drills.Orchestrator.Scheduling;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Cli;

/// <summary>One scenario's line in <c>drills schedule</c>, as printed by --json.</summary>
internal sealed record ScheduleSummary(
    string Scenario,
    string Title,
    string? Schedule,
    string? Quartz,
    bool Crontab,
    string Understood,
    IReadOnlyList<string> Blackout,
    IReadOnlyList<ScheduledFire> NextFires,
    string? NeverFiresBecause,
    LastRun? LastRun)
{
    public bool OnDemand => Schedule is null;

    public bool NeverFires => NeverFiresBecause is not null;

    public static ScheduleSummary For(ScenarioDefinition scenario, ScenarioSchedule? schedule, FireForecast? forecast, RunRecord? lastRun) => new(
        scenario.Id,
        scenario.Title,
        scenario.Schedule,
        schedule?.Text.QuartzExpression,
        schedule?.Text.IsCrontab ?? false,
        schedule?.Text.Understood ?? "on demand",
        scenario.Blackout,
        [.. (forecast?.Times ?? []).Select(t => new ScheduledFire(TimeZoneInfo.ConvertTime(t, schedule!.Zone), t.ToUniversalTime()))],
        forecast?.NeverFiresBecause,
        lastRun is null ? null : new LastRun(lastRun.RunId, lastRun.Outcome.ToString().ToLowerInvariant(), lastRun.StartedAtUtc, lastRun.ReportPath));
}

/// <summary>A fire time on the catalogue zone's clock (with its offset) and in UTC.</summary>
internal sealed record ScheduledFire(DateTimeOffset Local, DateTimeOffset Utc);

/// <summary>How the scenario's most recent recorded run ended.</summary>
internal sealed record LastRun(string RunId, string Outcome, DateTimeOffset StartedAtUtc, string? ReportPath);
