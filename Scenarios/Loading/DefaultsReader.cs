using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Durations;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>The <c>defaults</c> section, and the 24-hour ceiling every recovery target obeys.</summary>
internal static class DefaultsReader
{
    private static readonly string[] Keys = ["timezone", "rto_target", "probe_interval", "max_duration"];

    public static CatalogueDefaults Read(NodeReader reader, YamlNode? node)
    {
        var product = CatalogueDefaults.Product;
        if (node is null || reader.Mapping(node, "defaults", Keys) is not { } fields)
        {
            return product;
        }

        var defaults = new CatalogueDefaults(
            TimeZone: ReadTimeZone(reader, fields.Optional("timezone")) ?? product.TimeZone,
            RtoTarget: (fields.Optional("rto_target") is { } rto ? RecoveryTarget(reader, rto, "'rto_target' of defaults") : null)
                ?? product.RtoTarget,
            ProbeInterval: fields.OptionalDuration("probe_interval") ?? product.ProbeInterval,
            MaxDuration: fields.OptionalDuration("max_duration") ?? product.MaxDuration);
        CheckProbeInterval(reader, fields, defaults.ProbeInterval, defaults.MaxDuration);
        return defaults;
    }

    /// <summary>A recovery target: a duration no longer than the national ceiling.</summary>
    public static TimeSpan? RecoveryTarget(NodeReader reader, YamlNode node, string what)
    {
        var value = reader.Duration(node, what);
        if (value is { } target && target > CatalogueDefaults.NationalCeiling)
        {
            var ceiling = DurationText.Format(CatalogueDefaults.NationalCeiling);
            reader.Report(node, $"{what} is {DurationText.Format(target)}, above the national ceiling of {ceiling}.",
                $"write a target of {ceiling} or less: every agency system must recover within 24 hours");
            return null;
        }

        return value;
    }

    /// <summary>Polling at or beyond the stop condition would let a drill end before its first probe.</summary>
    public static void CheckProbeInterval(NodeReader reader, Fields fields, TimeSpan probeInterval, TimeSpan maxDuration)
    {
        if (probeInterval < maxDuration)
        {
            return;
        }

        var at = fields.Optional("probe_interval") ?? fields.Optional("max_duration") ?? fields.Node;
        reader.Report(at,
            $"probe_interval {DurationText.Format(probeInterval)} of {fields.What} is not less than its max_duration {DurationText.Format(maxDuration)}.",
            $"make probe_interval shorter than max_duration {DurationText.Format(maxDuration)}, or max_duration longer");
    }

    private static string? ReadTimeZone(NodeReader reader, YamlNode? node)
    {
        if (node is null || reader.Text(node, "'timezone' of defaults") is not { } id)
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId)
        {
            return id;
        }

        var fix = TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana)
            ? $"write the IANA id '{iana}' instead of the Windows id"
            : "write an IANA time zone id such as Asia/Ho_Chi_Minh";
        reader.Report(node, $"'timezone' of defaults is '{id}', which is not a known IANA time zone.", fix);
        return null;
    }
}
