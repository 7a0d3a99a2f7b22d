using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>One step as written: its kind's key and its options node, with the reader that reports on both
/// and the scope its paths and durations must keep within.</summary>
internal sealed record StepText(NodeReader Reader, string Kind, YamlNode KeyNode, YamlNode Args, string What, StepScope Scope)
{
    public SourceLocation At => Reader.At(KeyNode);

    /// <summary>The options mapping; an empty value counts as <c>{}</c> unless the kind needs options.</summary>
    public Fields? Options(IReadOnlyList<string> keys, string? requiredExample = null)
    {
        if (!NodeReader.IsNull(Args))
        {
            return Reader.Mapping(Args, What, keys);
        }

        if (requiredExample is null)
        {
            return new Fields(Reader, new YamlMappingNode(), What, keys);
        }

        Reader.Report(KeyNode, $"{What} has no options.", $"write '- {Kind}: {requiredExample}'");
        return null;
    }
}
