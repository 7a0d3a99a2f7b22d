using System.Globalization;
using System.Text.Json;

namespace Drills.Bench.Sections.Honesty;

/// <summary>
/// One exec drills ran in a container, as its own log (the data directory's logs/*.clef) says: when the call ended
/// (the event's UTC time) and how long it took. The exec checks dominate a probe round, so these place the rounds.
/// </summary>
internal sealed record ExecCall(DateTimeOffset End, TimeSpan Elapsed, string Command)
{
    /// <summary>The message template DockerContainerRuntime logs every finished exec with.</summary>
    private const string Template = "Ran {Command} in {Container}: exit";

    public DateTimeOffset Start => End - Elapsed;

    public static IReadOnlyList<ExecCall> ReadAll(string dataDir)
    {
        var logs = Path.Combine(dataDir, "logs");
        if (!Directory.Exists(logs))
        {
            return [];
        }

        var calls = new List<ExecCall>();
        foreach (var file in Directory.EnumerateFiles(logs, "*.clef"))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (!line.Contains(Template, StringComparison.Ordinal))
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                calls.Add(new ExecCall(
                    root.GetProperty("@t").GetDateTimeOffset(),
                    TimeSpan.Parse(root.GetProperty(nameof(Elapsed)).GetString()!, CultureInfo.InvariantCulture),
                    string.Join(' ', root.GetProperty(nameof(Command)).EnumerateArray().Select(a => a.GetString()))));
            }
        }

        return calls;
    }
}
