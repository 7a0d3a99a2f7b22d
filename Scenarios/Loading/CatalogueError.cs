using Drills.Scenarios.Text;

namespace Drills.Scenarios.Loading;

/// <summary>One problem in a catalogue file: where it is, what is wrong, and how to fix it.</summary>
internal sealed record CatalogueError(SourceLocation Location, string Message, string Fix)
{
    public override string ToString() => $"{Location}: {Message} Fix: {Fix}";
}
