using System.CommandLine;

namespace Drills.Orchestrator.Cli;

/// <summary>
/// Rewrites the "Commands:" section of rendered help so each optional argument of a subcommand reads
/// <c>[&lt;NAME&gt;]</c>; the description column moves right only if a longer label needs it.
/// </summary>
internal static class CommandListText
{
    private const string Heading = "Commands:";
    private const string Indent = "  ";

    public static string ShowOptionalArguments(string help, IEnumerable<Command> subcommands)
    {
        var byName = subcommands.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var lines = help.Split('\n').ToList();
        var start = lines.FindIndex(l => l.TrimEnd('\r') == Heading) + 1;
        if (start == 0)
        {
            return help;
        }

        var end = lines.FindIndex(start, l => l.TrimEnd('\r').Length == 0);
        var section = lines.GetRange(start, (end < 0 ? lines.Count : end) - start);
        var rows = section.Select(l => Row.Of(l.TrimEnd('\r'), byName)).ToList();
        var column = rows.Max(r => r.Column);
        var wanted = Math.Max(column, rows.Max(r => r.Label.Length == 0 ? 0 : Indent.Length + r.Label.Length + 2));
        for (var i = 0; i < section.Count; i++)
        {
            var carriageReturn = section[i].EndsWith('\r') ? "\r" : "";
            lines[start + i] = rows[i].Render(wanted) + carriageReturn;
        }

        return string.Join('\n', lines);
    }

    /// <summary>A line of the section: a subcommand's row (label and description) or a wrapped description's continuation.</summary>
    private sealed record Row(string Label, string Description, int Column)
    {
        public static Row Of(string line, Dictionary<string, Command> byName)
        {
            var text = line.TrimStart(' ');
            var indent = line.Length - text.Length;
            var name = text.Split(' ')[0];
            if (indent != Indent.Length || !byName.TryGetValue(name, out var command))
            {
                return new Row("", text, indent);
            }

            var gap = text.IndexOf("  ", StringComparison.Ordinal);
            var label = gap < 0 ? text : text[..gap];
            if (gap < 0)
            {
                return new Row(Relabel(label, command), "", 0);
            }

            var column = indent + gap + text[gap..].TakeWhile(c => c == ' ').Count();
            return new Row(Relabel(label, command), line[column..], column);
        }

        public string Render(int column) => Label.Length == 0
            ? new string(' ', column) + Description
            : (Indent + Label.PadRight(column - Indent.Length) + Description).TrimEnd();

        /// <summary>The label ends with one word per visible argument, in order: the optional ones get brackets.</summary>
        private static string Relabel(string label, Command command)
        {
            var words = label.Split(' ');
            var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
            var first = words.Length - arguments.Count;
            if (first < 1)
            {
                return label;
            }

            for (var i = 0; i < arguments.Count; i++)
            {
                if (arguments[i].Arity.MinimumNumberOfValues == 0 && !words[first + i].StartsWith('['))
                {
                    words[first + i] = $"[{words[first + i]}]";
                }
            }

            return string.Join(' ', words);
        }
    }
}
