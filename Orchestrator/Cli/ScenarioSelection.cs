using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Cli;

/// <summary>Turns the command line's scenario id (or --all) into the scenarios to run, with a helpful error otherwise.</summary>
internal static class ScenarioSelection
{
    public static IReadOnlyList<ScenarioDefinition> Select(DrillCatalogue catalogue, string? id, bool all)
    {
        var known = string.Join(", ", catalogue.Scenarios.Keys);
        if (all && id is not null)
        {
            throw new CliException(ExitCodes.BadInput, $"Pass either a scenario id or --all, not both. Fix: drills run {id}, or drills run --all.");
        }

        if (all)
        {
            return catalogue.Scenarios.Count > 0
                ? catalogue.Scenarios.Values.ToList()
                : throw new CliException(ExitCodes.BadInput, $"{catalogue.SourcePath} declares no scenarios. Fix: add one under 'scenarios:'.");
        }

        if (id is null)
        {
            throw new CliException(ExitCodes.BadInput, $"Name the scenario to run. Fix: drills run SCENARIO (one of: {known}), or drills run --all.");
        }

        if (catalogue.Scenarios.TryGetValue(id, out var scenario))
        {
            return [scenario];
        }

        var nearest = catalogue.Scenarios.Keys.OrderBy(k => Distance(k, id)).FirstOrDefault();
        throw new CliException(ExitCodes.BadInput,
            $"No scenario '{id}' in {catalogue.SourcePath}. Fix: {(nearest is null ? "" : $"did you mean '{nearest}'? ")}Known scenarios: {known}.");
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }
}
