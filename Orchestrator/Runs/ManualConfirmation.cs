namespace Drills.Orchestrator.Runs;

/// <summary>An operator's word that a manual step is done: when (the confirming process's UTC clock), who (the OS user) and an optional note.</summary>
internal sealed record ManualConfirmation(DateTimeOffset AtUtc, string By, string? Note = null);
