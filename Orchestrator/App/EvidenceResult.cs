namespace Drills.Orchestrator.App;

/// <summary>
/// Where a run's evidence is, and whether its manifest is signed; <see cref="SigningProblem"/> says why not.
/// <see cref="ReportPath"/> is the report the evidence holds, as published in the reports folder.
/// </summary>
internal sealed record EvidenceResult(string Folder, bool Signed, string? SigningProblem, string? ReportPath = null);
