namespace Drills.Orchestrator.Evidence;

/// <summary>One thing that does not hold in a bundle: the member it is in, what is wrong, and for the journal the event and line.</summary>
internal sealed record VerifyFinding(string Member, string Problem, int? Event = null, int? Line = null);
