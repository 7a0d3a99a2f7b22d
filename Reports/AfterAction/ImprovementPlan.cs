using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>
/// The improvement plan (kế hoạch khắc phục): a corrective action for every failure or finding of a run,
/// and the previous run's open actions re-tested by this one (fixed or still open).
/// </summary>
internal static class ImprovementPlan
{
    public static ImprovementPlanModel Build(RunRecord run, RunRecord? previous)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ImprovementPlanModel([], []);
    }
}

/// <summary>The plan as data: <see cref="Actions"/> raised by this run, <see cref="Retested"/> carried from the previous one.</summary>
internal sealed record ImprovementPlanModel(IReadOnlyList<CorrectiveAction> Actions, IReadOnlyList<RetestedAction> Retested);

/// <summary>One corrective action: what was found (with the raw observation), what to do, who owns it.</summary>
internal sealed record CorrectiveAction(string Key, Bilingual Finding, Bilingual Action, string Owner, string? Observation);

/// <summary>An action of the previous run, re-tested here: <see cref="Fixed"/> when its finding did not recur.</summary>
internal sealed record RetestedAction(CorrectiveAction Action, string FromRunId, bool Fixed);
