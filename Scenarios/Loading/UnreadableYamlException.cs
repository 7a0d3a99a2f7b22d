using YamlDotNet.Core;

namespace Drills.Scenarios.Loading;

/// <summary>The file's YAML cannot be read safely past <see cref="At"/>; carries the problem and its fix for one located error.</summary>
internal sealed class UnreadableYamlException(Mark at, string problem, string fix) : Exception(problem)
{
    public Mark At { get; } = at;

    public string Fix { get; } = fix;
}
