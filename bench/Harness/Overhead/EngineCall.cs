using System.Globalization;
using System.Text.Json;

namespace Drills.Bench.Overhead;

/// <summary>
/// One Engine API call drills made, as its Docker runtime logs every call at Debug (succeeded or failed) with how long
/// it took on drills' own clock: the line's time is the call's end, its Elapsed property its length.
/// </summary>
internal readonly record struct EngineCall(DateTimeOffset Start, DateTimeOffset End)
{
    private const string Runtime = "Drills.Orchestrator.Docker.DockerContainerRuntime";

    /// <summary>Every call logged in the data directory's log files (compact JSON) that ended between the two instants.</summary>
    public static IReadOnlyList<EngineCall> Read(string dataDir, DateTimeOffset from, DateTimeOffset to)
    {
        var folder = Path.Combine(dataDir, "logs");
        var calls = new List<EngineCall>();
        if (!Directory.Exists(folder))
        {
            return calls;
        }

        foreach (var file in Directory.GetFiles(folder, "drills-*.clef"))
        {
            // The log is opened shared by drills; read it the same way.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (Parse(line) is { } call && call.End >= from && call.End <= to)
                {
                    calls.Add(call);
                }
            }
        }

        return calls;
    }

    private static EngineCall? Parse(string line)
    {
        if (!line.Contains(Runtime, StringComparison.Ordinal) || !line.Contains("\"Elapsed\"", StringComparison.Ordinal))
        {
            return null;
        }

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        if (root.TryGetProperty("SourceContext", out var source) && source.GetString() == Runtime
            && root.TryGetProperty("Elapsed", out var elapsed) && elapsed.ValueKind == JsonValueKind.String
            && root.TryGetProperty("@t", out var at))
        {
            var end = DateTimeOffset.Parse(at.GetString()!, CultureInfo.InvariantCulture);
            return new EngineCall(end - TimeSpan.Parse(elapsed.GetString()!, CultureInfo.InvariantCulture), end);
        }

        return null;
    }

    /// <summary>How long at least one call was under way between the two instants (calls overlap: a probe's exec beside a step's kill).</summary>
    public static TimeSpan Busy(IEnumerable<EngineCall> calls, DateTimeOffset from, DateTimeOffset to)
    {
        var busy = TimeSpan.Zero;
        var reached = from;
        foreach (var call in calls.Where(c => c.End > from && c.Start < to).OrderBy(c => c.Start))
        {
            var start = call.Start > reached ? call.Start : reached;
            var end = call.End < to ? call.End : to;
            if (end > start)
            {
                busy += end - start;
                reached = end;
            }
        }

        return busy;
    }
}
