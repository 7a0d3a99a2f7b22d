using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Runs;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Tests.Support;

/// <summary>
/// A run store without I/O, for engine tests on a simulated clock: disk writes take real time, and
/// real time must not leak into simulated durations. The SQLite store has its own tests.
/// </summary>
internal sealed class InMemoryRunStore : IRunStore
{
    private readonly Dictionary<string, RunRecord> _runs = [];
    private readonly Dictionary<string, List<JournalEvent>> _journals = [];
    private readonly Dictionary<string, List<ManualStepState>> _manual = [];
    private readonly Dictionary<string, KeptCatalogue> _catalogues = [];
    private readonly Lock _gate = new();

    public void KeepCatalogue(string sha256, string sourcePath, string text)
    {
        lock (_gate)
        {
            _catalogues.TryAdd(sha256, new KeptCatalogue(sha256, sourcePath, text));
        }
    }

    public RunRecord? FinishedAfter(string systemId, DateTimeOffset startedAfterUtc)
    {
        lock (_gate)
        {
            return _runs.Values.Where(r => r.SystemId == systemId && r.StartedAtUtc > startedAfterUtc
                                           && r.Outcome is RunOutcome.Passed or RunOutcome.Failed or RunOutcome.Aborted)
                .OrderByDescending(r => r.StartedAtUtc).FirstOrDefault();
        }
    }

    public RunRecord? PreviousOf(RunRecord run)
    {
        lock (_gate)
        {
            return _runs.Values
                .Where(r => r.ScenarioId == run.ScenarioId && r.RunId != run.RunId
                            && r.Outcome is RunOutcome.Passed or RunOutcome.Failed or RunOutcome.Aborted
                            && (r.StartedAtUtc < run.StartedAtUtc || (r.StartedAtUtc == run.StartedAtUtc && string.CompareOrdinal(r.RunId, run.RunId) < 0)))
                .OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.RunId, StringComparer.Ordinal)
                .Select(r => r with { Journal = _journals.GetValueOrDefault(r.RunId, []).ToArray() })
                .FirstOrDefault();
        }
    }

    public KeptCatalogue? FindCatalogue(string sha256)
    {
        lock (_gate)
        {
            return _catalogues.GetValueOrDefault(sha256);
        }
    }

    public void Begin(RunRecord run)
    {
        lock (_gate)
        {
            // As the SQLite store: a new run never overwrites a recorded one.
            if (!_runs.TryAdd(run.RunId, run))
            {
                throw new InvalidOperationException($"A run {run.RunId} is already recorded; a new run never overwrites it.");
            }
        }
    }

    /// <summary>How many of the next <see cref="Complete"/> calls fail as on a full disk.</summary>
    public int RefuseCompletes { get; set; }

    public void Complete(RunRecord run)
    {
        lock (_gate)
        {
            if (RefuseCompletes > 0)
            {
                RefuseCompletes--;
                throw new IOException("No space left on device");
            }
        }

        Save(run);
    }

    public void Checkpoint(RunRecord run)
    {
        lock (_gate)
        {
            if (!_runs.TryGetValue(run.RunId, out var stored) || stored.Outcome == RunOutcome.Running)
            {
                Save(run);
            }
        }
    }

    public IJournalSink JournalFor(string runId) => new Sink(this, runId);

    public void SetReportPath(string runId, string reportPath) => Save(Find(runId)! with { ReportPath = reportPath });

    public RunRecord? Find(string runId)
    {
        lock (_gate)
        {
            if (!_runs.TryGetValue(runId, out var run))
            {
                return null;
            }

            var journal = _journals.GetValueOrDefault(runId, []).ToArray();
            return run with { Journal = journal, ChainHead = JournalChain.HeadOf(journal) };
        }
    }

    public IReadOnlyList<RunRecord> List(int limit)
    {
        lock (_gate)
        {
            return _runs.Values.OrderByDescending(r => r.StartedAtUtc).Take(limit).ToArray();
        }
    }

    public IReadOnlyList<RunRecord> ListRunning()
    {
        lock (_gate)
        {
            return _runs.Keys.Select(id => Find(id)!).Where(r => r.Outcome == RunOutcome.Running).ToArray();
        }
    }

    public bool HasRunFor(string scenarioId, DateTimeOffset scheduledForUtc)
    {
        lock (_gate)
        {
            return _runs.Values.Any(r => r.ScenarioId == scenarioId && r.Origin.ScheduledForUtc == scheduledForUtc);
        }
    }

    public void DeclareManualSteps(string runId, IReadOnlyList<ManualStepState> steps)
    {
        lock (_gate)
        {
            _manual[runId] = steps.ToList();
        }
    }

    public void MarkWaiting(string runId, int step, DateTimeOffset sinceUtc) =>
        Update(runId, step, s => s with { WaitingSinceUtc = sinceUtc });

    public bool Confirm(string runId, int step, ManualConfirmation confirmation) =>
        Update(runId, step, s => s is { Simulated: false, IsWaiting: true } ? s with { Confirmation = confirmation } : null);

    public IReadOnlyList<ManualStepState> ManualSteps(string runId)
    {
        lock (_gate)
        {
            return _manual.TryGetValue(runId, out var steps) ? steps.ToArray() : [];
        }
    }

    private bool Update(string runId, int step, Func<ManualStepState, ManualStepState?> change)
    {
        lock (_gate)
        {
            var steps = _manual.GetValueOrDefault(runId, []);
            var index = steps.FindIndex(s => s.Step == step);
            if (index < 0 || change(steps[index]) is not { } changed)
            {
                return false;
            }

            steps[index] = changed;
            return true;
        }
    }

    private void Save(RunRecord run)
    {
        lock (_gate)
        {
            _runs[run.RunId] = run with { Journal = [] };
        }
    }

    private sealed class Sink(InMemoryRunStore store, string runId) : IJournalSink
    {
        public void Append(JournalEvent entry)
        {
            lock (store._gate)
            {
                if (!store._journals.TryGetValue(runId, out var events))
                {
                    store._journals[runId] = events = [];
                }

                // Chained as the SQLite store chains it: to the run's last event, over the masked text.
                var masked = entry with { Message = Secrets.Redact(entry.Message), Detail = Secrets.RedactOrNull(entry.Detail) };
                events.Add(JournalChain.Link(masked, events.Count == 0 ? null : events[^1].Hash));
            }
        }
    }
}
