using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>
/// The improvement plan (kế hoạch khắc phục): a corrective action for every failure or finding of a run,
/// and the previous run's open actions re-tested by this one (fixed or still open).
/// </summary>
/// <remarks>
/// <para>
/// Every action has a stable <see cref="CorrectiveAction.Key"/> built from what was found, never from the run
/// ("target-missed", "check:http http://127.0.0.1:18080/health → 200", "step:restore-backup",
/// "aborted:max-duration"), so the same finding in the next run carries the same key.
/// </para>
/// <para>
/// Re-testing: each action of the previous run (as <c>Build(previous, null)</c> raises them) is
/// <see cref="RetestedAction.Fixed"/> when this run did not raise its key <em>and</em> this run got far enough
/// to exercise it. A run that did not get that far (a skip, an unfinished run, an abort before the attack for
/// anything past the setup, any run that did not roll back for a failed rollback) lists the action as not
/// re-tested (<see cref="RetestedAction.NotRetested"/> says why; <see cref="RetestedAction.Fixed"/> is false):
/// it stays open rather than being dropped or claimed fixed. Only the previous run's actions are carried:
/// an action left untested by it is not looked up in older runs.
/// </para>
/// </remarks>
internal static class ImprovementPlan
{
    public static ImprovementPlanModel Build(RunRecord run, RunRecord? previous)
    {
        ArgumentNullException.ThrowIfNull(run);
        var owner = OwnerOf(run);
        var actions = ImprovementFindings.Of(run)
            .Select(f => new CorrectiveAction(f.Key, f.Finding, f.Action, owner, f.Observation))
            .ToList();
        return new ImprovementPlanModel(actions, previous is null ? [] : Retest(run, actions, previous));
    }

    /// <summary>Who owns an action by default: the system's owner as the catalogue names it, else its agency.</summary>
    public static string OwnerOf(RunRecord run) =>
        !string.IsNullOrWhiteSpace(run.SystemOwner) ? run.SystemOwner.Trim()
        : !string.IsNullOrWhiteSpace(run.Agency) ? run.Agency.Trim()
        : Unassigned;

    public const string Unassigned = "Chưa phân công / To be assigned";

    private static List<RetestedAction> Retest(RunRecord run, IReadOnlyList<CorrectiveAction> raised, RunRecord previous)
    {
        var keys = raised.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        return Build(previous, null).Actions
            .Select(action => ImprovementRetest.WhyNot(action.Key, run, keys.Contains(action.Key)) is { } why
                ? new RetestedAction(action, previous.RunId, Fixed: false) { NotRetested = why }
                : new RetestedAction(action, previous.RunId, Fixed: !keys.Contains(action.Key)))
            .ToList();
    }
}

/// <summary>The plan as data: <see cref="Actions"/> raised by this run, <see cref="Retested"/> carried from the previous one.</summary>
internal sealed record ImprovementPlanModel(IReadOnlyList<CorrectiveAction> Actions, IReadOnlyList<RetestedAction> Retested);

/// <summary>One corrective action: what was found (with the raw observation), what to do, who owns it.</summary>
internal sealed record CorrectiveAction(string Key, Bilingual Finding, Bilingual Action, string Owner, string? Observation);

/// <summary>An action of the previous run, re-tested here: <see cref="Fixed"/> when its finding did not recur.</summary>
internal sealed record RetestedAction(CorrectiveAction Action, string FromRunId, bool Fixed)
{
    /// <summary>Why this run could not re-test the action (it did not get that far); null when it did. The action stays open.</summary>
    public Bilingual? NotRetested { get; init; }

    /// <summary>The status as a report prints it: fixed, still open, or not re-tested.</summary>
    public Bilingual Status =>
        NotRetested is not null ? new("Chưa được kiểm tra lại", "Not re-tested")
        : Fixed ? new("Đã khắc phục", "Fixed")
        : new("Vẫn còn tồn tại", "Still open");
}
