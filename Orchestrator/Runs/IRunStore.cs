using Drills.Orchestrator.Engine;
using Drills.Scenarios.Runs;

namespace Drills.Orchestrator.Runs;

/// <summary>Where runs and their journals persist. The journal is written event by event as the drill goes.</summary>
internal interface IRunStore
{
    void Begin(RunRecord run);

    IJournalSink JournalFor(string runId);

    void Complete(RunRecord run);

    void SetReportPath(string runId, string reportPath);

    RunRecord? Find(string runId);

    IReadOnlyList<RunRecord> List(int limit);
}
