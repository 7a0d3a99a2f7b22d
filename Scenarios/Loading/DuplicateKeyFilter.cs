using Drills.Scenarios.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Drills.Scenarios.Loading;

/// <summary>
/// Finds every duplicate mapping key in the event stream and drops the later entries, so all of
/// them are reported with positions while the rest of the file can still be validated.
/// </summary>
internal sealed class DuplicateKeyFilter(IReadOnlyList<ParsingEvent> events, NodeReader reader)
{
    private readonly List<ParsingEvent> kept = new(events.Count);

    public IReadOnlyList<ParsingEvent> Filter()
    {
        var index = 0;
        while (index < events.Count)
        {
            index = IsNodeStart(events[index]) ? Copy(index, keep: true, depth: 0, keyLabel: "key") : Emit(index, keep: true);
        }

        return kept;
    }

    private int Copy(int index, bool keep, int depth, string keyLabel) => events[index] switch
    {
        MappingStart => CopyMapping(index, keep, depth, keyLabel),
        SequenceStart => CopySequence(index, keep, depth),
        _ => Emit(index, keep),
    };

    private int CopyMapping(int index, bool keep, int depth, string keyLabel)
    {
        var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        index = Emit(index, keep);
        while (events[index] is not MappingEnd)
        {
            var key = events[index] as Scalar;
            var duplicate = key is not null && !seen.TryAdd(key.Value, key.Start);
            if (duplicate && keep)
            {
                ReportDuplicate(key!, seen[key!.Value], keyLabel);
            }

            var childLabel = depth == 0 && key is not null ? LabelFor(key.Value) : "key";
            index = Copy(index, keep && !duplicate, depth + 1, "key");
            index = Copy(index, keep && !duplicate, depth + 1, childLabel);
        }

        return Emit(index, keep);
    }

    private int CopySequence(int index, bool keep, int depth)
    {
        index = Emit(index, keep);
        while (events[index] is not SequenceEnd)
        {
            index = Copy(index, keep, depth + 1, "key");
        }

        return Emit(index, keep);
    }

    private void ReportDuplicate(Scalar key, Mark first, string keyLabel) =>
        reader.Report(
            reader.At(key.Start),
            $"Duplicate {keyLabel} '{Shown.Quote(key.Value)}': it is already defined at line {first.Line}.",
            $"rename or remove one of the two '{Shown.Quote(key.Value)}' entries; the second one is ignored until then");

    // Names the keys of the top-level sections, so a repeated id reads as such.
    private static string LabelFor(string section) => section switch
    {
        "systems" => "system id",
        "scenarios" => "scenario id",
        "calendars" => "calendar name",
        "levels" => "level",
        _ => "key",
    };

    private int Emit(int index, bool keep)
    {
        if (keep)
        {
            kept.Add(events[index]);
        }

        return index + 1;
    }

    private static bool IsNodeStart(ParsingEvent e) => e is MappingStart or SequenceStart or Scalar or AnchorAlias;
}
