namespace Drills.Orchestrator.Runs;

/// <summary>A catalogue text a run was drilled with, as the run store keeps it.</summary>
internal sealed record KeptCatalogue(string Sha256, string SourcePath, string Text);
