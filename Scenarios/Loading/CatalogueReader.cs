using Drills.Scenarios.Catalogue;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>The file's top level: reads each section in the order their references need.</summary>
internal static class CatalogueReader
{
    public const int FormatVersion = 1;

    private static readonly string[] Keys = ["version", "defaults", "levels", "systems", "scenarios", "calendars"];

    /// <summary>The catalogue as read; only meaningful when the reader collected no errors.</summary>
    public static DrillCatalogue? Read(NodeReader reader, YamlNode root, string sha256)
    {
        if (reader.Mapping(root, "the catalogue", Keys) is not { } fields)
        {
            return null;
        }

        ReadVersion(reader, fields);
        var defaults = DefaultsReader.Read(reader, fields.Optional("defaults"));
        var levels = LevelsReader.Read(reader, fields.Optional("levels"));
        var calendars = CalendarReader.Read(reader, fields.Optional("calendars"));
        var systems = SystemsReader.Read(reader, fields.Required("systems", "{ citizen-portal: ... }"), levels, calendars);
        var scenarios = ScenariosReader.Read(reader, fields.Required("scenarios", "{ portal-kill: ... }"),
            new ScenarioContext(systems, calendars, defaults));

        return new DrillCatalogue(reader.File, sha256, defaults.Defaults, levels, systems.Systems, scenarios, calendars.Calendars);
    }

    private static void ReadVersion(NodeReader reader, Fields fields)
    {
        if (fields.Required("version", "1") is not { } node || reader.Text(node, "'version'") is not { } version)
        {
            return;
        }

        if (version != "1")
        {
            reader.Report(node, $"Format version '{version}' is not supported; this version of drills reads format version {FormatVersion}.",
                $"write 'version: {FormatVersion}' and keep to the format described in docs/scenario-format.md");
        }
    }
}
