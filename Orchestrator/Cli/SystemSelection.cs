using Drills.Orchestrator.Errors;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Cli;

/// <summary>Turns the command line's system id into a system of the catalogue that declares a backup, with a helpful error otherwise.</summary>
internal static class SystemSelection
{
    public static SystemDefinition WithBackup(DrillCatalogue catalogue, string id, string command)
    {
        if (!catalogue.Systems.TryGetValue(id, out var system))
        {
            var known = string.Join(", ", catalogue.Systems.Keys);
            var nearest = Suggestions.Nearest(id, catalogue.Systems.Keys);
            throw new CliException(ExitCodes.BadInput,
                $"No system '{id}' in {catalogue.SourcePath}.", $"{(nearest is null ? "" : $"did you mean '{nearest}'? ")}known systems: {known}");
        }

        if (system.Backup is null)
        {
            var with = catalogue.Systems.Values.Where(s => s.Backup is not null).Select(s => s.Id).ToList();
            throw new CliException(ExitCodes.BadInput,
                $"System '{id}' declares no backup in {catalogue.SourcePath}, so drills {command} has nothing to go by.",
                "add 'backup: { method: files }' (a tar of its data paths) or 'backup: { method: exec, dump: [...], load: [...] }' to the system" +
                (with.Count == 0 ? "" : $"; systems with a backup: {string.Join(", ", with)}"));
        }

        return system;
    }
}
