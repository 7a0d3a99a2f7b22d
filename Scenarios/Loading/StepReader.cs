using Drills.Scenarios.Steps;
using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>A scenario's attack or restore list: each item one <c>kind: options</c> mapping.</summary>
internal static class StepReader
{
    public static List<StepDefinition>? ReadList(NodeReader reader, Fields scenario, StepPhases phase, StepScope scope)
    {
        var key = PhaseName(phase);
        var example = phase == StepPhases.Attack ? "[{ kill: {} }]" : "[{ restart: {} }]";
        if (scenario.Required(key, example) is not { } node
            || reader.Sequence(node, $"'{key}' of {scenario.What}", example) is not { } sequence)
        {
            return null;
        }

        if (sequence.Children.Count == 0)
        {
            reader.Report(node, $"'{key}' of {scenario.What} is empty.", $"list at least one {key} step, such as {example}");
            return null;
        }

        var steps = sequence.Children.Select((item, i) => Read(reader, item, phase, scope, $"{key} step {i + 1} of {scenario.What}")).ToList();
        return steps.Any(step => step is null) ? null : steps.Select(step => step!).ToList();
    }

    private static StepDefinition? Read(NodeReader reader, YamlNode item, StepPhases phase, StepScope scope, string what)
    {
        if (item is not YamlMappingNode mapping || mapping.Children.Count != 1)
        {
            ReportShape(reader, item, what);
            return null;
        }

        var (keyNode, args) = mapping.Children.First();
        if (reader.Text(keyNode, $"the kind of {what}") is not { } name)
        {
            return null;
        }

        if (StepKind.Find(name) is not { } kind)
        {
            var names = StepKind.All.Select(k => k.Name).ToList();
            reader.Report(keyNode, $"Unknown step kind '{Shown.Quote(name)}' in {what}.", Suggestions.Fix(name, names));
            return null;
        }

        return ReadKind(reader, new StepText(reader, kind.Name, keyNode, args, $"'{kind.Name}' ({what})", scope), kind, phase, what);
    }

    private static StepDefinition? ReadKind(NodeReader reader, StepText step, StepKind kind, StepPhases phase, string what)
    {
        if (!kind.Phases.HasFlag(phase))
        {
            var home = PhaseName(kind.Phases);
            reader.Report(step.KeyNode, $"Step kind '{kind.Name}' belongs in {home}, not {PhaseName(phase)} ({what}).",
                $"move '{kind.Name}' to the {home} list, or use a {PhaseName(phase)} kind: {string.Join(", ", KindsOf(phase))}");
            return null;
        }

        return StepOptionsReader.Read(step);
    }

    private static void ReportShape(NodeReader reader, YamlNode item, string what)
    {
        var message = item switch
        {
            YamlMappingNode { Children.Count: 0 } => $"{what} is empty.",
            YamlMappingNode mapping => $"{what} has {mapping.Children.Count} keys ({string.Join(", ", mapping.Children.Keys)}); a step is one kind with its options inside.",
            YamlScalarNode scalar when !NodeReader.IsNull(item) => $"{what} is the bare word '{Shown.Quote(scalar.Value ?? "")}'; a step is a 'kind: options' mapping.",
            _ => $"{what} must be a 'kind: options' mapping, not {NodeReader.Describe(item)}.",
        };
        var kind = item is YamlScalarNode { Value: { Length: > 0 } word } ? word : "stop";
        reader.Report(item, message, $"write one kind per list item with its options inside, such as '- {kind}: {{}}' or '- stop: {{ timeout: 10s }}'");
    }

    private static IEnumerable<string> KindsOf(StepPhases phase) =>
        StepKind.All.Where(k => k.Phases.HasFlag(phase)).Select(k => k.Name);

    private static string PhaseName(StepPhases phase) => phase == StepPhases.Attack ? "attack" : "restore";
}
