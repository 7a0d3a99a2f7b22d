using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Tests.Support;

namespace Drills.Orchestrator.Tests.Orchestrator.Canaries;

/// <summary>
/// A table of markers inside a fake container: <c>canary-write MARKER</c> inserts one, <c>canary-read</c> lists them
/// one a line. Each insert keeps the fake clock's time, the truth a test compares the measurement with.
/// </summary>
internal sealed class FakeCanaryTable
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private List<(string Marker, DateTimeOffset At)> _rows = [];

    public FakeCanaryTable(FakeContainerRuntime runtime, TimeProvider time)
    {
        _time = time;
        var earlier = runtime.ExecHook;
        runtime.ExecHook = (container, command) => Exec(command) ?? earlier?.Invoke(container, command);
        var streams = runtime.StreamHook;
        runtime.StreamHook = (container, command, input) => command is ["load"] && input is not null
            ? Load(input)
            : streams?.Invoke(container, command, input);
    }

    /// <summary>The rows as a dump: one <c>marker|ticks</c> line each, what the system's <c>load</c> reads back.</summary>
    public static byte[] Dump(IEnumerable<(string Marker, DateTimeOffset At)> rows) =>
        System.Text.Encoding.UTF8.GetBytes(string.Concat(rows.Select(r => FormattableString.Invariant($"{r.Marker}|{r.At.UtcTicks}\n"))));

    private (byte[] Stdout, long ExitCode, string Stderr) Load(byte[] dump)
    {
        Replace([.. System.Text.Encoding.UTF8.GetString(dump).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|'))
            .Select(f => (f[0], new DateTimeOffset(long.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero)))]);
        return ([], 0, "");
    }

    public static IReadOnlyList<string> Write => ["canary-write", "{marker}"];

    public static IReadOnlyList<string> Read => ["canary-read"];

    /// <summary>Runs before an insert; a result other than null answers instead (a refused or slow write).</summary>
    public Func<string, ExecResult?>? BeforeWrite { get; set; }

    public IReadOnlyList<(string Marker, DateTimeOffset At)> Rows
    {
        get
        {
            lock (_gate)
            {
                return _rows.ToArray();
            }
        }
    }

    /// <summary>Empties the table, as a wiper does.</summary>
    public void Wipe() => Replace([]);

    public void Replace(IReadOnlyList<(string Marker, DateTimeOffset At)> rows)
    {
        lock (_gate)
        {
            _rows = [.. rows];
        }
    }

    private ExecResult? Exec(IReadOnlyList<string> command)
    {
        switch (command)
        {
            case ["canary-write", var marker]:
                if (BeforeWrite?.Invoke(marker) is { } answer)
                {
                    return answer;
                }

                lock (_gate)
                {
                    _rows.Add((marker, _time.GetUtcNow()));
                }

                return new ExecResult(0, "INSERT 0 1", "");
            case ["canary-read"]:
                return new ExecResult(0, string.Join('\n', Rows.Select(r => r.Marker)), "");
            default:
                return null;
        }
    }
}
