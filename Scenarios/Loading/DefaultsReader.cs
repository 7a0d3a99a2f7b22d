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
            ProbeInterval: LimitsReader.ProbeInterval(reader, fields) ?? product.ProbeInterval,
            MaxDuration: LimitsReader.MaxDuration(reader, fields) ?? product.MaxDuration);
        LimitsReader.CheckProbeInterval(reader, fields, defaults.ProbeInterval, defaults.MaxDuration);
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
