using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Durations;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>A system's <c>quiesce</c>: the <c>before</c> and <c>after</c> commands run around its baseline snapshot.</summary>
internal static class QuiesceReader
{
    private static readonly string[] Keys = ["before", "after", "timeout"];

    private const string BeforeExample = "[\"su\", \"postgres\", \"-c\", \"pg_ctl -D /var/lib/postgresql/data -m fast -w stop\"]";
    private const string AfterExample = "[\"su\", \"postgres\", \"-c\", \"pg_ctl -D /var/lib/postgresql/data -w start\"]";

    /// <summary>The pair, null when anything in it is wrong (reported); and the timeout as written, null when not written.</summary>
    public static (QuiesceSpec? Spec, WrittenDuration? Timeout) Read(NodeReader reader, YamlNode node, string systemWhat)
    {
        var what = $"'quiesce' of {systemWhat}";
        var before = reader.Errors.Count;
        if (reader.Mapping(node, what, Keys) is not { } fields)
        {
            return (null, null);
        }

        var stop = Command(reader, fields, "before", BeforeExample);
        var resume = Command(reader, fields, "after", AfterExample);
        var timeout = fields.Optional("timeout") is { } t ? Timeout(reader, t, $"'timeout' of {what}") : null;
        if (reader.Errors.Count > before)
        {
            return (null, null);
        }

        return (new QuiesceSpec(stop!, resume!, timeout?.Value ?? QuiesceSpec.DefaultTimeout, reader.At(node)), timeout);
    }

    // Both are required: a 'before' with no 'after' would leave the system stopped after every baseline,
    // and an 'after' alone resumes nothing.
    private static IReadOnlyList<string>? Command(NodeReader reader, Fields fields, string key, string example)
    {
        if (fields.Optional(key) is not { } node)
        {
            var other = key == "before" ? "after" : "before";
            var at = fields.Contains(key) ? (YamlNode)fields.KeyNode(key) : fields.Node;
            reader.Report(at, $"{fields.What} has no '{key}': quiesce needs both commands, '{other}' alone would {(key == "after" ? "leave the system stopped after every baseline" : "resume a system nothing stopped")}.",
                $"add '{key}: {example}' (run inside the container, like an exec check)");
            return null;
        }

        return reader.TextList(node, $"'{key}' of {fields.What}", example);
    }

    private static WrittenDuration? Timeout(NodeReader reader, YamlNode node, string what)
    {
        if (reader.WrittenDuration(node, what) is not { } written)
        {
            return null;
        }

        if (written.Value <= CatalogueDefaults.MaxDurationLimit)
        {
            return written;
        }

        var limit = DurationText.Format(CatalogueDefaults.MaxDurationLimit);
        reader.Report(node, $"{what} is {written.Text}, longer than the {limit} limit of any drill.",
            $"write {limit} or less; {DurationText.Format(QuiesceSpec.DefaultTimeout)} (the default) suits a database that stops or checkpoints");
        return null;
    }

    /// <summary>
    /// A quiesce command may take as long as its timeout, all of it inside the drill's stop condition:
    /// a timeout longer than the scenario's max_duration could never be honoured.
    /// </summary>
    public static void CheckFitsBudget(NodeReader reader, YamlNode at, SystemOutline? system, WrittenDuration? maxDuration, string origin)
    {
        if (system?.QuiesceTimeout is not { } timeout || maxDuration is not { } budget || timeout.Value <= budget.Value)
        {
            return;
        }

        reader.Report(at,
            $"'quiesce.timeout' of system '{system.Id}' is {timeout.Text}, longer than max_duration {budget.Text} of {origin}: the drill would abort before a slow quiesce command ends.",
            $"shorten 'quiesce.timeout' of system '{system.Id}' to {budget.Text} or less, or raise max_duration of {origin} (at most {DurationText.Format(CatalogueDefaults.MaxDurationLimit)})");
    }
}
