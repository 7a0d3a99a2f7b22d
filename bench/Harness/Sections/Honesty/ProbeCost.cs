using System.Diagnostics;
using Drills.Bench.Measuring;
using Drills.Orchestrator.Checks;
using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Checks;
using Serilog.Core;

namespace Drills.Bench.Sections.Honesty;

/// <summary>
/// What one probe round of a system costs, timed by the bench with drills' own check runner on a healthy portal:
/// each check alone, then all of them at once as drills' recovery watch runs them (a round lasts as long as its slowest).
/// </summary>
internal static class ProbeCost
{
    public static async Task<IReadOnlyList<(string Check, Stats Seconds)>> MeasureAsync(SystemDefinition system, int rounds, CancellationToken cancellationToken)
    {
        using var runtime = new DockerContainerRuntime(Logger.None, endpoint: null, TimeProvider.System);
        using var network = new LoopbackNetworkProbe(TimeProvider.System);
        var runner = new CheckRunner(runtime, network, TimeProvider.System);
        var container = system.Container.Name;
        // The first round opens the connections to the engine: drills pays that before T0, so it is not counted.
        await RoundAsync(runner, system, container, cancellationToken);
        var results = new List<(string, Stats)>();
        foreach (var check in system.Checks)
        {
            var seconds = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                seconds.Add(await TimeAsync(() => runner.RunAsync(check, container, system.CheckReach, cancellationToken)));
            }

            results.Add((Kind(check), Stats.Of(seconds)));
        }

        var round = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            round.Add(await TimeAsync(() => RoundAsync(runner, system, container, cancellationToken)));
        }

        results.Add(($"a round of all {system.Checks.Count}, concurrently", Stats.Of(round)));
        return results;
    }

    private static async Task<IReadOnlyList<ProbeResult>> RoundAsync(CheckRunner runner, SystemDefinition system, string container, CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(system.Checks.Select(c => runner.RunAsync(c, container, system.CheckReach, cancellationToken)));
        var failed = results.Where(r => !r.Passed).Select(r => r.Observation).FirstOrDefault();
        return failed is null ? results : throw new InvalidOperationException($"a check of the healthy portal failed: {failed}");
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> probe)
    {
        var started = Stopwatch.GetTimestamp();
        await probe();
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static string Kind(CheckDefinition check) => check switch
    {
        HttpCheck { Contains: null } => "http /health → 200",
        HttpCheck => "http / containing text",
        TcpCheck => "tcp connect",
        ExecCheck exec => "exec " + (exec.Command.Count > 2 && exec.Command[^1].Contains("cgroup", StringComparison.Ordinal) ? "(memory budget)" : "(index.html)"),
        _ => check.Describe(),
    };
}
