using Drills.Scenarios.RunRecords;

namespace Drills.Reports.Index;

/// <summary>
/// One drill as the CIO index reads it: the few figures it shows, never the whole record. The run store
/// keeps them as columns beside each record, so the index of thousands of runs deserialises none.
/// </summary>
internal sealed record DrillDigest(
    string RunId,
    RunOutcome Outcome,
    DateTimeOffset StartedAtUtc,
    DateTimeOffset? EndedAtUtc,
    TimeSpan? RecoveryTime,
    TimeSpan Target,
    TimeSpan DeclaredManual,
    string? ReportPath)
{
    /// <summary>The data loss the drill measured; null when it measured none (no canary, or no backup older than its attack).</summary>
    public LossDigest? Loss { get; init; }

    /// <summary>When the drill counts as done for its cadence: its end, or its start for a run that kept no end.</summary>
    public DateTimeOffset DrilledAtUtc => EndedAtUtc ?? StartedAtUtc;

    /// <summary>Measured plus declared time as a share of the target (1 = exactly on target); null when the drill did not recover.</summary>
    public double? ShareOfTarget => RecoveryTime is { } measured && Target > TimeSpan.Zero ? (measured + DeclaredManual) / Target : null;

    /// <summary>
    /// True for a run the index counts as a drill: passed, failed, or aborted once its attack had begun.
    /// A skipped fire, a run still going and an abort before any attack step (refused target, engine down) drilled nothing.
    /// </summary>
    public static bool IsDrill(RunRecord run) => run.Outcome switch
    {
        RunOutcome.Passed or RunOutcome.Failed => true,
        RunOutcome.Aborted => run.Steps.Any(step => step.Phase == AttackPhase),
        _ => false,
    };

    public static DrillDigest Of(RunRecord run) => new(
        run.RunId, run.Outcome, run.StartedAtUtc, run.EndedAtUtc, run.RecoveryTime, run.RtoTarget, run.DeclaredManualTime, run.ReportPath)
    {
        Loss = LossDigest.Of(run.DataLoss),
    };

    private const string AttackPhase = "attack";
}
