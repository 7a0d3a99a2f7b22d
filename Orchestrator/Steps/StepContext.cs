using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Safety;

namespace Drills.Orchestrator.Steps;

/// <summary>What a step needs to know about the drill it belongs to.</summary>
internal sealed record StepContext(DrillTarget Target, BaselineBackup Baseline, DrillClock Clock)
{
    /// <summary>The run's id: exec steps see it as <c>DRILLS_RUN_ID</c>, so what they start can carry the run's mark.</summary>
    public string RunId { get; init; } = "";
}
