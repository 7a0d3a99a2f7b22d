using System.Globalization;
using Drills.Scenarios.Catalogue;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>
/// The optional <c>levels</c> section: per security level recovery targets that replace the
/// product's defaults, because level rules are policy and change with the law.
/// </summary>
internal static class LevelsReader
{
    private static readonly string[] LevelKeys = ["rto_target"];

    public static LevelTargets Read(NodeReader reader, YamlNode? node)
    {
        if (node is null)
        {
            return LevelTargets.Product;
        }

        if (node is not YamlMappingNode mapping)
        {
            reader.Report(node, $"levels must be a mapping from security level to targets, not {NodeReader.Describe(node)}.",
                "write it as '4: { rto_target: 4h }' lines indented under levels");
            return LevelTargets.Product;
        }

        var targets = new Dictionary<int, TimeSpan>(LevelTargets.Product.RtoByLevel);
        foreach (var (key, value) in mapping.Children)
        {
            if (ReadLevel(reader, key) is { } level && ReadTarget(reader, value, level) is { } target)
            {
                targets[level] = target;
            }
        }

        return new LevelTargets(targets);
    }

    private static int? ReadLevel(NodeReader reader, YamlNode key)
    {
        var text = (key as YamlScalarNode)?.Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var level)
            && level >= LevelTargets.MinLevel && level <= LevelTargets.MaxLevel)
        {
            return level;
        }

        reader.Report(key, $"Security level '{text ?? NodeReader.Describe(key)}' in levels is not one of {LevelTargets.MinLevel}..{LevelTargets.MaxLevel}.",
            $"use a level number from {LevelTargets.MinLevel} to {LevelTargets.MaxLevel} (Decree 85/2016/ND-CP)");
        return null;
    }

    private static TimeSpan? ReadTarget(NodeReader reader, YamlNode value, int level)
    {
        var what = $"level {level.ToString(CultureInfo.InvariantCulture)}";
        if (reader.Mapping(value, what, LevelKeys) is not { } fields)
        {
            return null;
        }

        return fields.Required("rto_target", "4h") is { } target
            ? DefaultsReader.RecoveryTarget(reader, target, $"'rto_target' of {what}")
            : null;
    }
}
