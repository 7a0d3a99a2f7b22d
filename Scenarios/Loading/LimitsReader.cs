using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Durations;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>
/// <c>max_duration</c> and <c>probe_interval</c>, written in defaults or in a scenario: the drill's
/// stop condition and polling rate, each kept within bounds that keep a drill safe to run.
/// </summary>
internal static class LimitsReader
{
    /// <summary>The written max_duration; null when absent, or invalid (reported).</summary>
    public static WrittenDuration? MaxDuration(NodeReader reader, Fields fields)
    {
        var node = fields.Optional("max_duration");
        if (node is null || fields.OptionalDuration("max_duration") is not { } written)
        {
            return null;
        }

        var limit = DurationText.Format(CatalogueDefaults.MaxDurationLimit);
        if (written.Value <= CatalogueDefaults.MaxDurationLimit)
        {
            return written;
        }

        reader.Report(node, $"'max_duration' of {fields.What} is {written.Text}, longer than the {limit} limit: the target would stay attacked that long before the drill aborts and rolls it back.",
            $"write {limit} or less; keep max_duration a little above the recovery you expect, so a stuck drill is rolled back soon");
        return null;
    }

    /// <summary>The written probe_interval; null when absent, or invalid (reported).</summary>
    public static WrittenDuration? ProbeInterval(NodeReader reader, Fields fields)
    {
        var node = fields.Optional("probe_interval");
        if (node is null || fields.OptionalDuration("probe_interval") is not { } written)
        {
            return null;
        }

        var minimum = DurationText.Format(CatalogueDefaults.MinProbeInterval);
        if (written.Value >= CatalogueDefaults.MinProbeInterval)
        {
            return written;
        }

        reader.Report(node, $"'probe_interval' of {fields.What} is {written.Text}, below the {minimum} minimum: polling that fast would itself load the system under drill.",
            $"write {minimum} or more, such as 500ms");
        return null;
    }

    /// <summary>The limit in force: the one written here when valid, else the inherited one when none was
    /// written here. Null when the one written here is invalid (reported), so nothing is checked against a stand-in.</summary>
    public static WrittenDuration? InForce(Fields fields, string key, WrittenDuration? own, WrittenDuration? inherited) =>
        own ?? (fields.Optional(key) is null ? inherited : null);

    /// <summary>Polling at or beyond the stop condition would let a drill end before its first probe.</summary>
    public static void CheckProbeInterval(NodeReader reader, Fields fields, WrittenDuration? probeInterval, WrittenDuration? maxDuration)
    {
        if (probeInterval is null || maxDuration is null || probeInterval.Value < maxDuration.Value)
        {
            return;
        }

        YamlNode at = fields.Optional("probe_interval") ?? fields.Optional("max_duration") ?? fields.Node;
        reader.Report(at,
            $"probe_interval {probeInterval.Text} of {fields.What} is not less than its max_duration {maxDuration.Text}.",
            $"make probe_interval shorter than max_duration {maxDuration.Text}, or max_duration longer");
    }
}
