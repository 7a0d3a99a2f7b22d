using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>A scenario's <c>verify</c> list: what must pass for the system to count as recovered.</summary>
internal static class VerifyReader
{
    private const string Checks = "checks";
    private const string Integrity = "integrity";

    /// <param name="system">The scenario's system, or null when it is missing or its data paths are invalid (already reported).</param>
    public static List<VerifyItem>? Read(NodeReader reader, Fields scenario, SystemOutline? system, SourceLocation scenarioAt)
    {
        if (scenario.Optional("verify") is not { } node)
        {
            return system is null ? null : Defaults(system, scenarioAt);
        }

        if (reader.Sequence(node, $"'verify' of {scenario.What}", "[checks, integrity]") is not { } sequence)
        {
            return null;
        }

        if (sequence.Children.Count == 0)
        {
            reader.Report(node, $"'verify' of {scenario.What} is empty, so recovery could never be observed.",
                "list what must pass, such as '[checks, integrity]', or remove 'verify' to use the defaults");
            return null;
        }

        var items = sequence.Children
            .Select((item, i) => ReadItem(reader, item, system, $"verify item {i + 1} of {scenario.What}"))
            .ToList();
        return items.Any(item => item is null) ? null : items.Select(item => item!).ToList();
    }

    /// <summary>The format's default: the system's checks, plus integrity when there is data to compare.</summary>
    private static List<VerifyItem> Defaults(SystemOutline system, SourceLocation at) =>
        system.Data.Paths.Count > 0 ? [new SystemChecksItem(at), new IntegrityItem(at)] : [new SystemChecksItem(at)];

    private static VerifyItem? ReadItem(NodeReader reader, YamlNode item, SystemOutline? system, string what)
    {
        if (item is YamlMappingNode)
        {
            return CheckReader.Read(reader, item, what, system?.Reach) is { } check ? new InlineCheckItem(check) : null;
        }

        switch (reader.Text(item, what))
        {
            case null:
                return null;
            case Checks:
                return new SystemChecksItem(reader.At(item));
            case Integrity:
                return IntegrityNeedsData(reader, item, system) ? new IntegrityItem(reader.At(item)) : null;
            case var word:
                reader.Report(item, $"'{word}' in {what} is not a verify item.",
                    $"{Suggestions.Fix(word, [Checks, Integrity])} (or write an inline check such as '- tcp: 127.0.0.1:18080')");
                return null;
        }
    }

    // Integrity compares the data paths' manifest with the baseline; without paths there is nothing to compare.
    private static bool IntegrityNeedsData(NodeReader reader, YamlNode item, SystemOutline? system)
    {
        if (system is null || system.Data.Paths.Count > 0)
        {
            return true;
        }

        reader.Report(item, $"Verify item 'integrity' needs data paths, but system '{system.Id}' declares none.",
            $"add 'data: {{ paths: [/srv/www] }}' to system '{system.Id}', or remove 'integrity' from verify");
        return false;
    }
}
