using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// At the marks that change what a run has to show (baseline, attack, impact, each step, restore, recovery) saves
/// the run record so far, so a crash loses neither the journal nor the steps, image digest and baseline
/// checks the report of the recovered run needs. It observes the journal as progress does: after the
/// journal's lock is released, so a slow disk never holds up the drill's other events.
/// </summary>
internal sealed class CheckpointProgress(IProgress<JournalEvent>? inner, Action checkpoint, Action<Exception> failed) : IProgress<JournalEvent>
{
    public void Report(JournalEvent value)
    {
        if (value.Mark is JournalMark.Baseline or JournalMark.AttackStart or JournalMark.Impact or JournalMark.StepFinished or JournalMark.RestoreEnd or JournalMark.Recovered)
        {
            try
            {
                checkpoint();
            }
            catch (Exception ex)
            {
                // The journal row is already written; a lost checkpoint only thins a crash report.
                failed(ex);
            }
        }

        inner?.Report(value);
    }
}
