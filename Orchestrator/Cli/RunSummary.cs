using System.Text.Json.Serialization;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Cli;

/// <summary>The machine-readable result of one drill, as printed by --json.</summary>
internal sealed record RunSummary(
    string RunId,
    string Scenario,
    string System,
    string Outcome,
    double? RecoverySeconds,
    double TargetSeconds,
    bool? MetTarget,
    bool ImpactObserved,
    double? TimeToImpactSeconds,
    bool RolledBack,
    string? AbortReason,
    string? ReportPath,
    DateTimeOffset StartedAtUtc,
    DateTimeOffset? EndedAtUtc,
    int ExitCode)
{
    /// <summary>How the drill ended in detail (passed, missedTarget, stopCondition, notStarted, …) when known.</summary>
    public string? End { get; init; }

    /// <summary>onDemand, schedule or catchUp.</summary>
    public string Trigger { get; init; } = "onDemand";

    public DateTimeOffset? ScheduledForUtc { get; init; }

    /// <summary>Seconds a scheduled run waited for its system or a free slot.</summary>
    public double? WaitedSeconds { get; init; }

    public string? SkipReason { get; init; }

    /// <summary>Declared time of manual steps simulated with --simulate-manual: never part of <see cref="RecoverySeconds"/>; absent when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? DeclaredManualSeconds { get; init; }

    /// <summary>The readiness gate as checked before the clock started; null for runs recorded before the gate existed.</summary>
    public Readiness? Readiness { get; init; }

    /// <summary>The copy each restore-backup step used (backup id, online/offline/baseline, any fallback); empty when none ran.</summary>
    public IReadOnlyList<RestoredBackup> RestoredFrom { get; init; } = [];

    /// <summary>The data lost, measured with the system's canary; null when not measured.</summary>
    public DataLossSummary? DataLoss { get; init; }

    /// <summary>What the cleanup scan after the run found and removed; null for runs recorded before it existed.</summary>
    public CleanupSummary? Cleanup { get; init; }

    public static RunSummary From(RunRecord run, int exitCode) => new(
        run.RunId,
        run.ScenarioId,
        run.SystemId,
        run.Outcome.ToString().ToLowerInvariant(),
        run.RecoveryTime is { } r ? Math.Round(r.TotalSeconds, 3) : null,
        run.RtoTarget.TotalSeconds,
        run.RecoveryTime is null ? null : run.MetTarget,
        run.ImpactObserved,
        run.TimeToImpact is { } i ? Math.Round(i.TotalSeconds, 3) : null,
        run.RolledBack,
        run.AbortReason,
        run.ReportPath,
        run.StartedAtUtc,
        run.EndedAtUtc,
        exitCode)
    {
        Trigger = global::System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(run.Origin.Trigger.ToString()),
        ScheduledForUtc = run.Origin.ScheduledForUtc,
        WaitedSeconds = run.Origin.Waited > TimeSpan.Zero ? Math.Round(run.Origin.Waited.TotalSeconds, 3) : null,
        SkipReason = run.SkipReason,
        DeclaredManualSeconds = run.DeclaredManualTime > TimeSpan.Zero ? run.DeclaredManualTime.TotalSeconds : null,
        Readiness = run.Readiness,
        RestoredFrom = run.RestoredFrom,
        DataLoss = DataLossSummary.Of(run.DataLoss),
        Cleanup = CleanupSummary.Of(run.Cleanup),
    };
}
