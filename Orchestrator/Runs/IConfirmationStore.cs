namespace Drills.Orchestrator.Runs;

/// <summary>
/// The channel between a drill waiting on a manual step and the operator who confirms it, usually from
/// another process: both sides read and write the run store's file, so <c>drills confirm</c> needs nothing else.
/// </summary>
internal interface IConfirmationStore
{
    /// <summary>Registers a run's manual steps when it begins, so a confirmation can tell a manual step from any other.</summary>
    void DeclareManualSteps(string runId, IReadOnlyList<ManualStepState> steps);

    /// <summary>The drill reached the step and waits for its operator; only from now on can it be confirmed.</summary>
    void MarkWaiting(string runId, int step, DateTimeOffset sinceUtc);

    /// <summary>Confirms a waiting step. False when it is not waiting, or another confirmation came first.</summary>
    bool Confirm(string runId, int step, ManualConfirmation confirmation);

    /// <summary>Every manual step of the run, in restore order; empty for a run without any.</summary>
    IReadOnlyList<ManualStepState> ManualSteps(string runId);
}
