using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Evidence;

/// <summary>Everything a run's manifest states, gathered before it is written.</summary>
/// <param name="Journal">The chain head of journal.jsonl (its last hash and event count).</param>
/// <param name="UnchainedInStore">Events the run store held without a hash (recorded by an earlier version), chained when the evidence was written.</param>
internal sealed record ManifestFacts(RunRecord Run, CatalogueFacts Catalogue, IReadOnlyList<ManifestSubject> Subjects, ChainHead? Journal,
    string OrchestratorVersion, string Host, int UnchainedInStore = 0);
