using Drills.Orchestrator.Runs;

namespace Drills.Orchestrator.Manual;

/// <summary>The manual step an operator confirmed, and the confirmation as recorded.</summary>
internal sealed record ConfirmedStep(string RunId, int Step, string Title, ManualConfirmation Confirmation);
