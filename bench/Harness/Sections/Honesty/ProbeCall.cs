using System.Globalization;
using System.Text.Json;

namespace Drills.Bench.Sections.Honesty;

/// <summary>
/// One probe drills ran, as its own log (the data directory's logs/*.clef) says: an exec check's Engine API call or an
/// http or tcp probe, each logged at Debug when it ended (the event's UTC time) with how long it took.
/// </summary>
/// <param name="What">The command, URL or tcp address probed: one check's probes share it.</param>
internal sealed record ProbeCall(DateTimeOffset End, TimeSpan Elapsed, string What, bool IsExec)
{
    /// <summary>The message templates drills logs a finished exec and a finished network probe with.</summary>
    private const string ExecTemplate = "Ran {Command} in {Container}: exit";
    private const string HttpTemplate = "Probed {Url}:";
    private const string TcpTemplate = "Probed tcp {Host}:{Port}:";

    public DateTimeOffset Start => End - Elapsed;

    public static IReadOnlyList<ProbeCall> ReadAll(string dataDir)
    {
        var logs = Path.Combine(dataDir, "logs");
        if (!Directory.Exists(logs))
        {
            return [];
        }

        var calls = new List<ProbeCall>();
        foreach (var file in Directory.EnumerateFiles(logs, "*.clef"))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (Of(line) is { } call)
                {
                    calls.Add(call);
                }
            }
        }

        return calls;
    }

    private static ProbeCall? Of(string line)
    {
        var exec = line.Contains(ExecTemplate, StringComparison.Ordinal);
        var http = !exec && line.Contains(HttpTemplate, StringComparison.Ordinal);
        if (!exec && !http && !line.Contains(TcpTemplate, StringComparison.Ordinal))
        {
            return null;
        }

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var what = exec ? string.Join(' ', root.GetProperty("Command").EnumerateArray().Select(a => a.GetString()))
            : http ? root.GetProperty("Url").GetString()!
            : $"tcp {root.GetProperty("Host").GetString()}:{root.GetProperty("Port").GetInt32().ToString(CultureInfo.InvariantCulture)}";
        return new ProbeCall(root.GetProperty("@t").GetDateTimeOffset(),
            TimeSpan.Parse(root.GetProperty(nameof(Elapsed)).GetString()!, CultureInfo.InvariantCulture), what, exec);
    }
}
