using System.Globalization;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Regulation;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>
/// The optional <c>levels</c> section: per security level recovery targets and drill and restore-test
/// cadences that replace the product's defaults, because level rules are policy and change with the law.
/// </summary>
internal static class LevelsReader
{
    private static readonly string[] LevelKeys = ["rto_target", "drill_cadence", "restore_test_cadence"];

    public static LevelTargets Read(NodeReader reader, YamlNode? node)
    {
        if (node is null)
        {
            return LevelTargets.Product;
        }

        if (node is not YamlMappingNode mapping)
        {
            reader.Report(node, $"levels must be a mapping from security level to targets, not {NodeReader.Describe(node)}.",
                "write it as '4: { rto_target: 4h, drill_cadence: yearly }' lines indented under levels");
            return LevelTargets.Product;
        }

        var policies = new Dictionary<int, LevelPolicy>(LevelTargets.Product.Policies);
        foreach (var (key, value) in mapping.Children)
        {
            if (ReadLevel(reader, key) is { } level && ReadPolicy(reader, value, policies[level]) is { } policy)
            {
                policies[level] = policy;
            }
        }

        return new LevelTargets(policies);
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

    private static LevelPolicy? ReadPolicy(NodeReader reader, YamlNode value, LevelPolicy defaults)
    {
        var what = $"level {defaults.Level.ToString(CultureInfo.InvariantCulture)}";
        if (reader.Mapping(value, what, LevelKeys) is not { } fields)
        {
            return null;
        }

        if (fields.Count == 0)
        {
            if (!fields.HasUnknownKeys)
            {
                reader.Report(value, $"{what} in levels overrides nothing.",
                    "give at least one of rto_target, drill_cadence, restore_test_cadence, or remove the line");
            }

            return null;
        }

        var before = reader.Errors.Count;
        var target = fields.Optional("rto_target") is { } t ? DefaultsReader.RecoveryTarget(reader, t, $"'rto_target' of {what}") : null;
        var drill = fields.Optional("drill_cadence") is { } d ? CadenceReader.Read(reader, d, $"'drill_cadence' of {what}") : null;
        var restoreTest = fields.Optional("restore_test_cadence") is { } r ? CadenceReader.Read(reader, r, $"'restore_test_cadence' of {what}") : null;
        return reader.Errors.Count > before
            ? null
            : defaults with
            {
                RtoTarget = target ?? defaults.RtoTarget,
                DrillCadence = drill ?? defaults.DrillCadence,
                RestoreTestCadence = restoreTest ?? defaults.RestoreTestCadence,
            };
    }
}
