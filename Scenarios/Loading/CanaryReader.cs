using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Durations;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>A system's <c>canary</c>: the marker write and read commands that measure data loss, and how often a marker is written.</summary>
internal static class CanaryReader
{
    private static readonly string[] Keys = ["write", "read", "interval"];

    private const string WriteExample = "[\"sh\", \"-c\", \"echo {marker} >> /srv/www/canary.log\"]";
    private const string ReadExample = "[\"cat\", \"/srv/www/canary.log\"]";

    /// <summary>200 ms: fine enough to place a loss window within a fifth of a second, light enough for any system.</summary>
    public static TimeSpan DefaultInterval { get; } = TimeSpan.FromMilliseconds(200);

    public static CanarySpec? Read(NodeReader reader, YamlNode node, string systemWhat)
    {
        var what = $"'canary' of {systemWhat}";
        var before = reader.Errors.Count;
        if (reader.Mapping(node, what, Keys) is not { } fields)
        {
            return null;
        }

        var write = fields.Required("write", WriteExample) is { } w ? reader.Command(w, $"'write' of {what}", WriteExample) : null;
        if (write is not null && !write.Any(word => word.Contains(CanarySpec.MarkerPlaceholder, StringComparison.Ordinal)))
        {
            reader.Report(fields.Optional("write")!, $"'write' of {what} never mentions {CanarySpec.MarkerPlaceholder}, so every marker would be the same record.",
                $"put {CanarySpec.MarkerPlaceholder} where the unique id goes, such as {WriteExample}");
        }

        var read = fields.Required("read", ReadExample) is { } r ? reader.Command(r, $"'read' of {what}", ReadExample) : null;
        var interval = fields.OptionalDuration("interval");
        if (interval is not null && (interval.Value < CanarySpec.MinInterval || interval.Value > CanarySpec.MaxInterval))
        {
            reader.Report(fields.Optional("interval")!, $"'interval' of {what} is {interval.Text}; a canary writes at most every {DurationText.Format(CanarySpec.MinInterval)} and at least every {DurationText.Format(CanarySpec.MaxInterval)}.",
                $"write an interval between {DurationText.Format(CanarySpec.MinInterval)} and {DurationText.Format(CanarySpec.MaxInterval)}, such as {DurationText.Format(DefaultInterval)}");
        }

        return reader.Errors.Count > before ? null : new CanarySpec(write!, read!, interval?.Value ?? DefaultInterval, reader.At(node));
    }
}
