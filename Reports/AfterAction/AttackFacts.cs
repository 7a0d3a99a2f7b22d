using Drills.Scenarios.Runs;

namespace Drills.Reports.AfterAction;

/// <summary>Whether the attack ever began: before T0 nothing was touched, so "no impact" and "not rolled back" mean nothing.</summary>
internal static class AttackFacts
{
    public static bool Began(RunRecord run) =>
        run.Journal.Any(e => e.Mark == JournalMark.AttackStart) || run.Steps.Any(s => s.Phase == "attack");
}
