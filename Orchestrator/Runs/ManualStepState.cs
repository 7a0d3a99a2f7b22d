namespace Drills.Orchestrator.Runs;

/// <summary>
/// One manual step of a run as the confirmation channel knows it.
/// </summary>
/// <param name="Step">The restore step's 1-based number, as progress shows it.</param>
/// <param name="Simulated">The run counts the step at its declared duration (--simulate-manual): nothing waits.</param>
/// <param name="WaitingSinceUtc">Set when the drill reached the step and began waiting; null before.</param>
internal sealed record ManualStepState(int Step, string Title, bool Simulated, DateTimeOffset? WaitingSinceUtc = null, ManualConfirmation? Confirmation = null)
{
    public bool IsWaiting => WaitingSinceUtc is not null && Confirmation is null;
}
