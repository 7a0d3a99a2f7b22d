namespace Drills.Scenarios.Catalogue;

/// <summary>A validated scenarios.yaml: everything a drill needs, nothing left to parse.</summary>
internal sealed record DrillCatalogue(
    string SourcePath,
    string Sha256,
    CatalogueDefaults Defaults,
    LevelTargets Levels,
    IReadOnlyDictionary<string, SystemDefinition> Systems,
    IReadOnlyDictionary<string, ScenarioDefinition> Scenarios,
    IReadOnlyDictionary<string, CalendarDefinition> Calendars)
{
    /// <summary>The text the catalogue was read from, kept with every run so the drilled system can be rolled back as it was declared.</summary>
    public string Text { get; init; } = "";
}
