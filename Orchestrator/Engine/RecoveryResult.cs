using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// An interrupted run after a recovery attempt: closed, or still open — because its rollback could not
/// complete, or because restoring its baseline needs an operator's word (<see cref="WaitsForOperator"/> says why).
/// </summary>
internal sealed record RecoveryResult(RunRecord Record, string? WaitsForOperator = null)
{
    public bool StillOpen => Record.Outcome == RunOutcome.Running;

    /// <summary>The run had ended (or its process was alive) by the time its locks were held: nothing was done.</summary>
    public bool AlreadyClosed { get; init; }
}
