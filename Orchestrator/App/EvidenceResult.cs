namespace Drills.Orchestrator.App;

/// <summary>Where a run's evidence is, and whether its manifest is signed; <see cref="SigningProblem"/> says why not.</summary>
internal sealed record EvidenceResult(string Folder, bool Signed, string? SigningProblem);
