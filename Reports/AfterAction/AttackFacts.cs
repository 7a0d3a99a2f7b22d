using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>Whether the attack ever began: before T0 nothing was touched, so "no impact" and "not rolled back" mean nothing.</summary>
internal static class AttackFacts
{
    /// <summary>Any sign counts: a rollback attempted means something may have been attacked even if the T0 row was lost.</summary>
    public static bool Began(RunRecord run) =>
        run.RolledBack
        || run.Journal.Any(e => e.Mark is JournalMark.AttackStart or JournalMark.Rollback)
        || run.Steps.Any(s => s.Phase == "attack");
}
