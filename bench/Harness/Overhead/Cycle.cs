using System.Text.Json;
using Drills.Bench.Measuring;

namespace Drills.Bench.Overhead;

/// <summary>One kill → start → healthy cycle of one way: the whole process, and the recovery time it measured itself.</summary>
internal sealed record Cycle(DateTimeOffset Started, ProcessResult Process, double RecoverySeconds, CpuSamples Cpu, string? RunId = null)
{
    public DateTimeOffset Ended => Started + Process.Wall;

    /// <summary>
    /// Runs a program that prints one JSON object with <c>recoverySeconds</c> (drills adds <c>runId</c>). A way that hands
    /// the process id to the callback has its CPU traced while it runs.
    /// </summary>
    public static async Task<Cycle> RunAsync(string what, Func<Action<int>, CancellationToken, Task<ProcessResult>> run, CancellationToken cancellationToken)
    {
        using var trace = new CpuTrace();
        // The bench is the independent observer: its own clock dates the process start the drill's clock is compared with.
        var started = DateTimeOffset.UtcNow;
        var process = await run(trace.Watch, cancellationToken);
        var cpu = await trace.StopAsync(started + process.Wall, process.CpuSeconds);
        process.EnsureSuccess(what);
        using var json = JsonDocument.Parse(process.Stdout);
        var root = json.RootElement;
        var runId = root.TryGetProperty("runId", out var id) ? id.GetString() : null;
        return new Cycle(started, process, root.GetProperty("recoverySeconds").GetDouble(), cpu, runId);
    }
}
