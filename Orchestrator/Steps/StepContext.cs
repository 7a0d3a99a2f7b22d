using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Safety;

namespace Drills.Orchestrator.Steps;

/// <summary>What a step needs to know about the drill it belongs to.</summary>
/// <param name="Run">The run itself: its id, its T0, and where a step records the backup it restored.</param>
internal sealed record StepContext(DrillTarget Target, BaselineBackup Baseline, DrillClock Clock, DrillRun Run);
