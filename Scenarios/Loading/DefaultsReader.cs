using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>The defaults as read, with the limits scenarios inherit as they were written; a limit is null when
/// defaults wrote it wrong (reported), so scenarios are not checked against a stand-in for it.</summary>
internal sealed record DefaultsSection(CatalogueDefaults Defaults, WrittenDuration? MaxDuration, WrittenDuration? ProbeInterval);

/// <summary>The <c>defaults</c> section, and the 24-hour ceiling every recovery target obeys.</summary>
internal static class DefaultsReader
{
    private static readonly string[] Keys = ["timezone", "rto_target", "probe_interval", "max_duration"];

    public static DefaultsSection Read(NodeReader reader, YamlNode? node)
    {
        var product = CatalogueDefaults.Product;
        if (node is null || reader.Mapping(node, "defaults", Keys) is not { } fields)
        {
            return new DefaultsSection(product, WrittenDuration.Of(product.MaxDuration), WrittenDuration.Of(product.ProbeInterval));
        }

        var maxDuration = LimitsReader.InForce(fields, "max_duration", LimitsReader.MaxDuration(reader, fields), WrittenDuration.Of(product.MaxDuration));
        var probeInterval = LimitsReader.InForce(fields, "probe_interval", LimitsReader.ProbeInterval(reader, fields), WrittenDuration.Of(product.ProbeInterval));
        var defaults = new CatalogueDefaults(
            TimeZone: ReadTimeZone(reader, fields.Optional("timezone")) ?? product.TimeZone,
            RtoTarget: (fields.Optional("rto_target") is { } rto ? RecoveryTarget(reader, rto, "'rto_target' of defaults") : null)
                ?? product.RtoTarget,
            ProbeInterval: probeInterval?.Value ?? product.ProbeInterval,
            MaxDuration: maxDuration?.Value ?? product.MaxDuration);
        LimitsReader.CheckProbeInterval(reader, fields, probeInterval, maxDuration);
        return new DefaultsSection(defaults, maxDuration, probeInterval);
    }

    /// <summary>A recovery target: a duration no longer than the national ceiling.</summary>
    public static TimeSpan? RecoveryTarget(NodeReader reader, YamlNode node, string what)
    {
        var written = reader.WrittenDuration(node, what);
        if (written is not null && written.Value > CatalogueDefaults.NationalCeiling)
        {
            reader.Report(node, $"{what} is {written.Text}, above the national ceiling of {CatalogueDefaults.NationalCeilingText}.",
                $"write a target of {CatalogueDefaults.NationalCeilingText} or less: every agency system must recover within 24 hours");
            return null;
        }

        return written?.Value;
    }

    private static string? ReadTimeZone(NodeReader reader, YamlNode? node)
    {
        if (node is null || reader.Text(node, "'timezone' of defaults") is not { } id)
        {
            return null;
        }

        if (IsPseudoZone(id))
        {
            reader.Report(node, $"'timezone' of defaults is '{Shown.Quote(id)}', a zone file that names no place: 'Factory' has no civil time, 'right/' zones count leap seconds and 'posix/' ones duplicate the real ids.",
                "write the IANA id of the place whose clock the drills follow, such as Asia/Ho_Chi_Minh");
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId)
        {
            return id;
        }

        var fix = TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana)
            ? $"write the IANA id '{iana}' instead of the Windows id"
            : "write an IANA time zone id such as Asia/Ho_Chi_Minh";
        reader.Report(node, $"'timezone' of defaults is '{Shown.Quote(id)}', which is not a known IANA time zone.", fix);
        return null;
    }

    private static bool IsPseudoZone(string id) =>
        id is "Factory" or "posixrules" || id.StartsWith("right/", StringComparison.Ordinal) || id.StartsWith("posix/", StringComparison.Ordinal);
}
