using Drills.Orchestrator.Runs;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;

namespace Drills.Bench.Store;

/// <summary>
/// Fills a data directory's run store through the store's own API, as drills writes it: the catalogue kept by
/// its hash, every run saved with <see cref="SqliteRunStore.Complete"/> (its own transaction, synced), and the
/// runs a report reads (a system's newest runs of one scenario) begun, journalled event by event, then completed.
/// </summary>
internal sealed class StoreFill(SqliteRunStore store, SyntheticRuns runs)
{
    private int _filled;

    public int Count => _filled;

    public void Keep(DrillCatalogue catalogue) => store.KeepCatalogue(catalogue.Sha256, catalogue.SourcePath, catalogue.Text);

    /// <summary>Adds runs until the store holds <paramref name="size"/>; returns the run to report on at that size.</summary>
    public RunRecord FillTo(int size, Action<int> progress, CancellationToken cancellationToken)
    {
        // The report's run: system 0's newest; with it the two before it of the same scenario, so the report finds its previous run.
        var reportRun = size - runs.Systems;
        var journalled = new HashSet<int> { reportRun, reportRun - (2 * runs.Systems), reportRun - (4 * runs.Systems) };
        for (; _filled < size; _filled++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var run = runs.Run(_filled);
            if (journalled.Contains(_filled))
            {
                store.Begin(run with { Outcome = RunOutcome.Running, EndedAtUtc = null });
                var sink = store.JournalFor(run.RunId);
                foreach (var entry in SyntheticRuns.Journal(run))
                {
                    sink.Append(entry);
                }
            }

            store.Complete(run);
            if ((_filled + 1) % 1000 == 0)
            {
                progress(_filled + 1);
            }
        }

        return runs.Run(reportRun);
    }
}
