namespace Drills.Orchestrator.Evidence;

/// <summary>
/// What the manifest says was drilled, as parsed: the catalogue's SHA-256, the scenario and the system. The run
/// record holds the identity; the catalogue text kept with the run adds the steps, image and data paths when it
/// still loads. Every text is masked before it is written.
/// </summary>
internal sealed record CatalogueFacts(string Sha256, ScenarioFacts Scenario, SystemFacts System);

/// <param name="Attack">Each attack step as the catalogue describes it; null when the kept catalogue was not available.</param>
internal sealed record ScenarioFacts(string Id, string Title, string? Technique,
    IReadOnlyList<string>? Attack = null, IReadOnlyList<string>? Restore = null, TimeSpan? MaxDuration = null, TimeSpan? ProbeInterval = null);

/// <param name="Image">The declared image; null when the kept catalogue was not available.</param>
internal sealed record SystemFacts(string Id, string Title, string Agency, int SecurityLevel, TimeSpan RtoTarget, string Container,
    string? Image = null, IReadOnlyList<string>? DataPaths = null);
