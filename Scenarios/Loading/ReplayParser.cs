using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Drills.Scenarios.Loading;

/// <summary>
/// Feeds already-read parsing events to YamlDotNet's representation model, so the model can be
/// built from a stream whose duplicate keys were taken out (the model throws on the first one).
/// </summary>
internal sealed class ReplayParser(IReadOnlyList<ParsingEvent> events) : IParser
{
    private int position = -1;

    public ParsingEvent? Current => position >= 0 && position < events.Count ? events[position] : null;

    public bool MoveNext()
    {
        if (position < events.Count)
        {
            position++;
        }

        return position < events.Count;
    }
}
