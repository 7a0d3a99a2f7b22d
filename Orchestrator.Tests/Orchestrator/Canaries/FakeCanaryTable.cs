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
