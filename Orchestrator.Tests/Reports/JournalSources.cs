using System.Text;
using System.Text.RegularExpressions;

namespace Drills.Orchestrator.Tests.Reports;

/// <summary>
/// Reads the journal messages the orchestrator can record straight from its C# source: every
/// <c>Record(JournalMark.…, message)</c>, <c>RecordAt(JournalMark.…, at, message)</c> and <c>new JournalEvent(…, message)</c>,
/// each message expanded into sample texts (literals, interpolations, conditionals, concatenations and the constants
/// and locals they name; any other value becomes <see cref="Value"/>). A message built elsewhere is named by
/// its site and expanded from where it is built (<see cref="JournalSource.Indirect"/>).
/// </summary>
internal sealed partial class JournalSources(string root, IReadOnlyDictionary<string, string[]> holeValues)
{
    /// <summary>What an interpolated value that cannot be read from the source stands as in a sample.</summary>
    public const string Value = "v";

    private readonly Dictionary<string, string> _texts = Directory
        .EnumerateFiles(Path.Combine(root, "Orchestrator"), "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .ToDictionary(f => Path.GetRelativePath(Path.Combine(root, "Orchestrator"), f).Replace('\\', '/'), f => Comment().Replace(File.ReadAllText(f), ""));

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "drills.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("drills.sln not found above the test binaries");
    }

    /// <summary>Every call site that records a journal message: its file, line and message expression.</summary>
    public IEnumerable<JournalSource> Sites()
    {
        foreach (var (file, text) in _texts)
        {
            // The journal itself and the store reading it back pass messages through; they write none.
            if (file is "Drill/DrillJournal.cs" || file.StartsWith("Runs/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match call in Call().Matches(text))
            {
                var open = call.Index + call.Length - 1;
                var arguments = Arguments(text, open);
                var index = call.Groups["what"].Value switch { ".RecordAt" => 2, "new JournalEvent" => 4, _ => 1 };
                if (call.Groups["what"].Value != "new JournalEvent" && !arguments[0].StartsWith("JournalMark.", StringComparison.Ordinal))
                {
                    continue;
                }

                yield return new JournalSource(file, text[..call.Index].Count(c => c == '\n') + 1, arguments[index]);
            }
        }
    }

    /// <summary>The sample texts of a message expression in a file; null when it names a value built elsewhere.</summary>
    public IReadOnlyList<string>? Samples(string file, string expression) => Expand(file, expression.Trim(), topLevel: true);

    /// <summary>The samples of argument <paramref name="index"/> of every call in <paramref name="file"/> that starts with <paramref name="callPrefix"/>.</summary>
    public IReadOnlyList<string> ArgumentsOf(string file, string callPrefix, int index)
    {
        var text = _texts[file];
        var samples = new List<string>();
        for (var at = text.IndexOf(callPrefix, StringComparison.Ordinal); at >= 0; at = text.IndexOf(callPrefix, at + 1, StringComparison.Ordinal))
        {
            var open = text.IndexOf('(', at);
            samples.AddRange(Expand(file, Arguments(text, open)[index], topLevel: false)!);
        }

        return samples;
    }

    /// <summary>The samples of every value a method returns (its <c>return</c> statements, or its expression body).</summary>
    public IReadOnlyList<string> ReturnsOf(string file, string method)
    {
        var text = _texts[file];
        var declaration = new Regex($@"\b{method}\([^)]*\)\s*(?<how>=>|\{{)").Match(text);
        var body = declaration.Groups["how"].Value == "=>"
            ? text[(declaration.Index + declaration.Length)..Until(text, declaration.Index + declaration.Length, ';')]
            : text[declaration.Index..Until(text, declaration.Index + declaration.Length, '}')];
        if (declaration.Groups["how"].Value == "=>")
        {
            return Expand(file, body.Trim(), topLevel: false)!;
        }

        var samples = new List<string>();
        foreach (Match statement in Return().Matches(body))
        {
            var start = statement.Index + statement.Length;
            samples.AddRange(Expand(file, body[start..Until(body, start, ';')].Trim(), topLevel: false)!);
        }

        return samples;
    }

    private List<string>? Expand(string file, string expression, bool topLevel)
    {
        expression = Unwrap(expression);
        if (expression == "null")
        {
            return [];
        }

        if (Conditional(expression) is var (whenTrue, whenFalse))
        {
            return Union(Expand(file, whenTrue, topLevel), Expand(file, whenFalse, topLevel));
        }

        var parts = Split(expression, '+');
        if (parts.Count > 1)
        {
            var expanded = parts.Select(p => Expand(file, p, topLevel: false)!).ToList();
            return expanded.Aggregate(new List<string> { "" }, (sums, part) => sums.SelectMany(s => part.Select(p => s + p)).ToList());
        }

        if (expression.StartsWith("Invariant(", StringComparison.Ordinal) && Until(expression, "Invariant(".Length, ')') == expression.Length - 1)
        {
            return Expand(file, expression["Invariant(".Length..^1], topLevel);
        }

        if (expression.StartsWith("$\"", StringComparison.Ordinal))
        {
            return Interpolated(file, expression[2..^1]);
        }

        if (expression.StartsWith('"'))
        {
            return [Unescape(expression[1..^1])];
        }

        if (holeValues.TryGetValue(expression, out var values))
        {
            return [.. values];
        }

        return Resolve(file, expression) is { } resolved ? Expand(file, resolved, topLevel) : topLevel ? null : [Value];
    }

    private List<string> Interpolated(string file, string body)
    {
        var samples = new List<string> { "" };
        var text = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '{' && i + 1 < body.Length && body[i + 1] == '{' || body[i] == '}' && i + 1 < body.Length && body[i + 1] == '}')
            {
                text.Append(body[i++]);
                continue;
            }

            if (body[i] != '{')
            {
                text.Append(body[i] == '\\' ? Unescape(body.Substring(i++, 2)) : body[i].ToString());
                continue;
            }

            var end = Until(body, i + 1, '}');
            var hole = body[(i + 1)..end];
            var format = Split(hole, ':');
            var values = Expand(file, format[0].Trim(), topLevel: false)!;
            var before = text.ToString();
            text.Clear();
            samples = samples.SelectMany(s => values.Select(v => s + before + v)).ToList();
            i = end;
        }

        return samples.Select(s => s + text).ToList();
    }

    /// <summary>A constant, a local or an expression-bodied member of that name, in the file or (for a constant) anywhere.</summary>
    private string? Resolve(string file, string expression)
    {
        if (!Name().IsMatch(expression))
        {
            return null;
        }

        var name = expression.Split('.')[^1];
        var declared = new Regex($@"(?:const string|var)\s+{name}\s*=\s*|\b{name}\s*=>\s*");
        foreach (var text in new[] { _texts[file] }.Concat(_texts.Where(t => t.Key != file).Select(t => t.Value)))
        {
            if (declared.Match(text) is { Success: true } match && (text == _texts[file] || match.Value.StartsWith("const", StringComparison.Ordinal)))
            {
                var start = match.Index + match.Length;
                return text[start..Until(text, start, ';')];
            }
        }

        return null;
    }

    private static List<string>? Union(List<string>? a, List<string>? b) => a is null || b is null ? null : [.. a, .. b];

    /// <summary><c>cond ? a : b</c> at the top level of the expression, as its two branches.</summary>
    private static (string, string)? Conditional(string expression)
    {
        var question = Scan(expression).FirstOrDefault(i => expression[i] == '?' && i + 1 < expression.Length && expression[i + 1] is not ('.' or '?' or '[')
                                                            && expression[i - 1] != '?');
        if (question == 0)
        {
            return null;
        }

        var nested = 0;
        foreach (var i in Scan(expression).Where(i => i > question))
        {
            if (expression[i] == '?' && expression[i + 1] is not ('.' or '?' or '[') && expression[i - 1] != '?')
            {
                nested++;
            }
            else if (expression[i] == ':' && nested-- == 0)
            {
                return (expression[(question + 1)..i].Trim(), expression[(i + 1)..].Trim());
            }
        }

        return null;
    }

    private static List<string> Split(string expression, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        foreach (var i in Scan(expression).Where(i => expression[i] == separator))
        {
            parts.Add(expression[start..i].Trim());
            start = i + 1;
        }

        parts.Add(expression[start..].Trim());
        return parts;
    }

    private static string Unwrap(string expression)
    {
        while (expression.StartsWith('(') && Until(expression, 1, ')') == expression.Length - 1)
        {
            expression = expression[1..^1].Trim();
        }

        return expression;
    }

    private static List<string> Arguments(string text, int open)
    {
        var close = Until(text, open + 1, ')');
        return Split(text[(open + 1)..close], ',');
    }

    /// <summary>The index of the first <paramref name="end"/> at depth 0 from <paramref name="start"/>, outside strings.</summary>
    private static int Until(string text, int start, char end) => Scan(text, start).First(i => text[i] == end);

    /// <summary>Indexes of characters at bracket depth 0 outside string and character literals.</summary>
    private static IEnumerable<int> Scan(string text, int start = 0)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"' || (c is '$' or '@' && i + 1 < text.Length && text[i + 1] == '"'))
            {
                i = SkipString(text, i);
                continue;
            }

            if (c == '\'' && i + 2 < text.Length)
            {
                i = text[i + 1] == '\\' ? text.IndexOf('\'', i + 3) : i + 2;
                continue;
            }

            if (depth == 0)
            {
                yield return i;
            }

            depth += c is '(' or '[' or '{' ? 1 : c is ')' or ']' or '}' ? -1 : 0;
        }
    }

    private static int SkipString(string text, int i)
    {
        var interpolated = text[i] == '$';
        var verbatim = text[i] == '@';
        i += interpolated || verbatim ? 2 : 1;
        for (; i < text.Length; i++)
        {
            if (!verbatim && text[i] == '\\')
            {
                i++;
            }
            else if (interpolated && text[i] == '{')
            {
                if (text[i + 1] == '{')
                {
                    i++;
                }
                else
                {
                    i = Until(text, i + 1, '}');
                }
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return i;
    }

    private static string Unescape(string text) => text.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal)
        .Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\'", "'", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<what>\.RecordAt|\.Record|new JournalEvent)\(")]
    private static partial Regex Call();

    /// <summary>Whole-line comments: an apostrophe or a quote in prose must not read as a literal.</summary>
    [GeneratedRegex(@"^[ \t]*//.*$", RegexOptions.Multiline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\breturn\s+")]
    private static partial Regex Return();

    [GeneratedRegex(@"\A[A-Za-z_][\w.]*\z")]
    private static partial Regex Name();
}

/// <summary>A place in the orchestrator that records a journal message.</summary>
internal sealed record JournalSource(string File, int Line, string Expression)
{
    public string Indirect => $"{Path.GetFileName(File)}: {Expression}";

    public override string ToString() => $"Orchestrator/{File}:{Line} ({Expression})";
}
