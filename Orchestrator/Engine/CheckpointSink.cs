using Drills.Scenarios.Runs;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// Persists each journal event, and at the marks that change what a run has to show (baseline, attack,
/// each step, restore, recovery) saves the run record so far: a crash then loses neither the journal nor
/// the steps, image digest and baseline checks the report of the recovered run needs.
/// </summary>
internal sealed class CheckpointSink(IJournalSink inner, Action checkpoint) : IJournalSink
{
    public void Append(JournalEvent entry)
    {
        inner.Append(entry);
        if (entry.Mark is JournalMark.Baseline or JournalMark.AttackStart or JournalMark.StepFinished or JournalMark.RestoreEnd or JournalMark.Recovered)
        {
            checkpoint();
        }
    }
}
