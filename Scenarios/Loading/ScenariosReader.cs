using System.Text.RegularExpressions;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Steps;
using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>What a scenario may refer to: the systems and calendars read before it, and the defaults it inherits.</summary>
internal sealed record ScenarioContext(SystemsSection Systems, CalendarsSection Calendars, DefaultsSection Defaults);

/// <summary>The <c>scenarios</c> section: each an attack, a restore and what proves recovery.</summary>
internal static partial class ScenariosReader
{
    private static readonly string[] Keys =
    [
        "title", "system", "technique", "schedule", "blackout",
        "attack", "restore", "verify", "max_duration", "probe_interval", "participants", "objectives", "backup_before",
    ];

    public static Dictionary<string, ScenarioDefinition> Read(NodeReader reader, YamlNode? node, ScenarioContext context)
    {
        var scenarios = new Dictionary<string, ScenarioDefinition>(StringComparer.Ordinal);
        if (node is not null && node is not YamlMappingNode)
        {
            reader.Report(node, $"scenarios must be a mapping from scenario id to scenario, not {NodeReader.Describe(node)}.",
                "write each scenario as 'portal-kill:' indented under scenarios, with its title, system, attack and restore");
        }

        foreach (var (key, value) in NodeReader.Entries(node))
        {
            if (Ids.Read(reader, key, "Scenario id") is { } id && ReadScenario(reader, key, value, id, context) is { } scenario)
            {
                scenarios[id] = scenario;
            }
        }

        return scenarios;
    }

    private static ScenarioDefinition? ReadScenario(NodeReader reader, YamlNode key, YamlNode value, string id, ScenarioContext context)
    {
        var before = reader.Errors.Count;
        if (reader.Mapping(value, $"scenario '{id}'", Keys) is not { } fields)
        {
            return null;
        }

        var title = fields.RequiredTitle("Ransomware encrypts the portal's files");
        var system = ReadSystem(reader, fields, context.Systems);
        var technique = ReadTechnique(reader, fields);
        var schedule = ScheduleFields.Schedule(reader, fields);
        var blackout = ScheduleFields.Blackout(reader, fields, context.Calendars);
        var limits = ReadLimits(reader, fields, context.Defaults);
        var scope = new StepScope(system, limits.Budget, fields.Optional("max_duration") is not null ? fields.What : "defaults");
        QuiesceReader.CheckFitsBudget(reader, fields.Optional("max_duration") ?? fields.Optional("system") ?? fields.Node, system, limits.Budget, scope.MaxDurationOrigin);
        var attack = StepReader.ReadList(reader, fields, StepPhases.Attack, scope);
        var restore = StepReader.ReadList(reader, fields, StepPhases.Restore, scope);
        var verify = VerifyReader.Read(reader, fields, system, reader.At(key));
        var participants = fields.Optional("participants") is { } p
            ? reader.TextList(p, $"'participants' of scenario '{id}'", "[\"Nguyễn Văn A (ATTT)\"]", allowEmpty: true)
            : [];
        var objectives = fields.Optional("objectives") is { } o
            ? reader.TextList(o, $"'objectives' of scenario '{id}'", "[\"Restore the portal from the offline copy\"]", allowEmpty: true)
            : [];
        var backupBefore = ReadBackupBefore(reader, fields, system, scope);
        if (reader.Errors.Count > before || system is null)
        {
            return null;
        }

        return new ScenarioDefinition(id, title!, system.Id, technique, schedule, blackout!, attack!, restore!, verify!,
            limits.MaxDuration, limits.ProbeInterval, reader.At(key))
        {
            ScheduleLocation = fields.Optional("schedule") is { } scheduleNode ? reader.At(scheduleNode) : reader.At(key),
            Participants = participants!,
            Objectives = objectives!,
            BackupBefore = backupBefore,
        };
    }

    // The backup taken before the attack is an agency backup of the system, made the way the system declares.
    private static TimeSpan? ReadBackupBefore(NodeReader reader, Fields fields, SystemOutline? system, StepScope scope)
    {
        if (fields.Optional("backup_before") is not { } node || fields.OptionalDuration("backup_before") is not { } written)
        {
            return null;
        }

        if (system is { DeclaresBackup: false })
        {
            reader.Report(node, $"'backup_before' of {fields.What} takes a backup of system '{system.Id}' before the attack, but the system declares no backup.",
                $"add 'backup: {{ method: files }}' to system '{system.Id}' (or method exec with dump and load commands)");
            return null;
        }

        return scope.FitsBudget(reader, node, written, $"'backup_before' of {fields.What}") ? written.Value : null;
    }

    private static SystemOutline? ReadSystem(NodeReader reader, Fields fields, SystemsSection systems)
    {
        if (fields.Required("system", "citizen-portal") is not { } node || reader.Text(node, $"'system' of {fields.What}") is not { } id)
        {
            return null;
        }

        if (!systems.DeclaredIds.Contains(id))
        {
            var known = systems.DeclaredIds.Order(StringComparer.Ordinal).ToList();
            reader.Report(node, $"{fields.What} names system '{id}', which is not declared in systems.",
                known.Count == 0 ? "declare the system under 'systems:' first" : Suggestions.Fix(id, known));
        }

        return systems.Outlines.GetValueOrDefault(id);
    }

    private static string? ReadTechnique(NodeReader reader, Fields fields)
    {
        var technique = fields.OptionalText("technique");
        if (technique is null)
        {
            return null;
        }

        if (TechniquePattern().IsMatch(technique))
        {
            return TechniqueTable.Table.Find(technique) is { } known ? known.Id : UnknownTechnique(reader, fields, technique);
        }

        reader.Report(fields.Optional("technique")!, $"'technique' of {fields.What} is '{technique}', not a MITRE ATT&CK technique id.",
            "write a technique id such as T1486, or a sub-technique such as T1491.002");
        return null;
    }

    /// <summary>
    /// A well-formed id the technique table does not hold: the report could print no name for it, and it is most
    /// often a typo of one it does (T1468 for T1486).
    /// </summary>
    private static string? UnknownTechnique(NodeReader reader, Fields fields, string technique)
    {
        var table = TechniqueTable.Table;
        var ids = table.Techniques.Select(t => t.Id).ToList();
        var nearest = Suggestions.Nearest(technique, ids);
        var guess = nearest is null ? "" : $"did you mean {nearest} ({table.Find(nearest)!.En})? ";
        reader.Report(fields.Optional("technique")!, $"'technique' of {fields.What} is {technique}, which drills' technique table does not hold, so a report could not name it.",
            guess + $"write one of {string.Join(", ", ids)}; or leave 'technique' out, and the report names the techniques the attack steps play");
        return null;
    }

    /// <summary>The scenario's limits, its own or the defaults'. Budget is the max_duration a wait must fit in,
    /// null when the one in force was written wrong (already reported) so waits are not measured against a stand-in.</summary>
    private static (TimeSpan MaxDuration, TimeSpan ProbeInterval, WrittenDuration? Budget) ReadLimits(NodeReader reader, Fields fields, DefaultsSection defaults)
    {
        var ownMax = LimitsReader.MaxDuration(reader, fields);
        var ownProbe = LimitsReader.ProbeInterval(reader, fields);
        var maxDuration = LimitsReader.InForce(fields, "max_duration", ownMax, defaults.MaxDuration);
        var probeInterval = LimitsReader.InForce(fields, "probe_interval", ownProbe, defaults.ProbeInterval);
        if (ownMax is not null || ownProbe is not null)
        {
            LimitsReader.CheckProbeInterval(reader, fields, probeInterval, maxDuration);
        }

        return (maxDuration?.Value ?? defaults.Defaults.MaxDuration, probeInterval?.Value ?? defaults.Defaults.ProbeInterval, maxDuration);
    }

    [GeneratedRegex(@"^T[0-9]{4}(\.[0-9]{3})?\z")]
    private static partial Regex TechniquePattern();
}
