using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Errors;
using Drills.Scenarios.Checks;
using static System.FormattableString;

namespace Drills.Orchestrator.Checks;

/// <summary>Evaluates one check against a target. A check that cannot be evaluated (engine error) fails with the reason.</summary>
internal sealed class CheckRunner
{
    private readonly IContainerRuntime _runtime;
    private readonly INetworkProbe _network;
    private readonly TimeProvider _time;

    /// <summary>Longest an exec check may take; a hung command reads as a failed check.</summary>
    public static TimeSpan ExecTimeout { get; } = TimeSpan.FromSeconds(10);

    public CheckRunner(IContainerRuntime runtime, INetworkProbe network, TimeProvider time)
    {
        _runtime = runtime;
        _network = network;
        _time = time;
    }

    /// <param name="reach">Where the check's system lets its http and tcp checks connect.</param>
    public Task<ProbeResult> RunAsync(CheckDefinition check, string containerId, CheckReach reach, CancellationToken cancellationToken) => check switch
    {
        HttpCheck http => _network.HttpAsync(http.Url, http.ExpectStatus, http.Contains, reach, cancellationToken),
        TcpCheck tcp => _network.TcpAsync(tcp.Host, tcp.Port, reach, cancellationToken),
        ExecCheck exec => ExecAsync(exec, containerId, cancellationToken),
        _ => throw new NotSupportedException($"Check type {check.GetType().Name} has no runner."),
    };

    private async Task<ProbeResult> ExecAsync(ExecCheck check, string containerId, CancellationToken cancellationToken)
    {
        ExecResult result;
        using var timeout = new CancellationTokenSource(ExecTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            result = await _runtime.ExecAsync(containerId, check.Command, linked.Token);
        }
        catch (Exception ex) when (ex is DockerOperationException or DockerUnavailableException)
        {
            // An engine that cannot run the probe right now is an observation (the system is not
            // verifiably up), not a reason to abandon the drill.
            return ProbeResult.Fail(DrillsException.ProblemOf(ex));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Fail(Invariant($"no answer within {ExecTimeout.TotalSeconds:0} s"));
        }

        var output = Abbreviate(result.Stdout.Trim());
        var cut = result.CutNote;
        if (result.ExitCode != check.ExpectExitCode)
        {
            var error = Abbreviate(result.Stderr.Trim());
            return ProbeResult.Fail($"exit {result.ExitCode}, expected {check.ExpectExitCode}{(error.Length > 0 ? ": " + error : "")}{cut}");
        }

        // Matched in the kept part of stdout only (OutputCut.MaxKeptBytes): the note says when there was more.
        if (check.Contains is not null && !result.Stdout.Contains(check.Contains, StringComparison.Ordinal))
        {
            return ProbeResult.Fail($"exit {result.ExitCode}, output \"{output}\" lacks \"{check.Contains}\"{cut}");
        }

        return ProbeResult.Pass((output.Length > 0 ? $"exit {result.ExitCode}: {output}" : $"exit {result.ExitCode}") + cut);
    }

    private static string Abbreviate(string text) => text.Length <= 160 ? text : text[..157] + "...";
}
