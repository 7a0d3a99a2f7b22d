using Drills.Orchestrator.Errors;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Cli;

/// <summary>Turns the command line's scenario id (or --all) into the scenarios to run, with a helpful error otherwise.</summary>
internal static class ScenarioSelection
{
    public static IReadOnlyList<ScenarioDefinition> Select(DrillCatalogue catalogue, string? id, bool all)
    {
        var known = string.Join(", ", catalogue.Scenarios.Keys);
        if (all && id is not null)
        {
            throw new CliException(ExitCodes.BadInput, "Pass either a scenario id or --all, not both.", $"run drills run {id}, or drills run --all");
        }

        if (all)
        {
            return catalogue.Scenarios.Count > 0
                ? catalogue.Scenarios.Values.ToList()
                : throw new CliException(ExitCodes.BadInput, $"{catalogue.SourcePath} declares no scenarios.", "add one under 'scenarios:'.");
        }

        if (id is null)
        {
            throw new CliException(ExitCodes.BadInput, "Name the scenario to run.", $"run drills run SCENARIO (one of: {known}), or drills run --all");
        }

        if (catalogue.Scenarios.TryGetValue(id, out var scenario))
        {
            return [scenario];
        }

        var nearest = Suggestions.Nearest(id, catalogue.Scenarios.Keys);
        throw new CliException(ExitCodes.BadInput,
            $"No scenario '{id}' in {catalogue.SourcePath}.", $"{(nearest is null ? "" : $"did you mean '{nearest}'? ")}known scenarios: {known}");
    }
}
