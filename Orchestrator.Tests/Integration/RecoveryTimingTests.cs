using System.Diagnostics;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Tests.Support;
using Drills.Scenarios.RunRecords;

using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// Timing honesty: the engine's measured recovery time agrees with a stopwatch kept by the test
/// itself, watching the same service from outside the engine.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class RecoveryTimingTests : IAsyncLifetime
{
    private const string Name = "drills-test-timing-portal";
    private const int Port = 18183;
    private static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(3);
    private readonly RealDrillHarness _h = new();

    [Fact]
    public async Task Measured_recovery_time_is_within_half_a_second_of_an_independent_stopwatch()
    {
        var catalogue = _h.Load(Portal(Name, Port,
            Scenario("slow-start", "kill: {}", RestoreSteps("start: {}"), verify: "[checks]"),
            extraContainer: $"env: {{ START_DELAY: \"{StartDelay.TotalSeconds}\" }}",
            probe: "100ms"));
        var attackSeen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new InlineProgress(e =>
        {
            if (e.Mark is JournalMark.AttackStart)
            {
                attackSeen.TrySetResult(Stopwatch.GetTimestamp());
            }
        });
        using var watching = new CancellationTokenSource();
        var independent = WatchAsync(attackSeen.Task, watching.Token);

        var result = await _h.RunAsync(catalogue, "slow-start", progress);
        var (t0, healthyAgain) = await independent;
        await watching.CancelAsync();

        var stopwatch = Stopwatch.GetElapsedTime(t0, healthyAgain);
        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.True(stopwatch >= StartDelay, $"the service came back after {stopwatch}, sooner than its start delay");
        Assert.InRange(result.Record.RecoveryTime!.Value.TotalSeconds, stopwatch.TotalSeconds - 0.5, stopwatch.TotalSeconds + 0.5);
    }

    /// <summary>Polls the portal every 50 ms from the moment the attack starts until it answers again after going down.</summary>
    private static async Task<(long T0, long Healthy)> WatchAsync(Task<long> attackStarted, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = TimeSpan.FromSeconds(1) };
        var t0 = await attackStarted.WaitAsync(TimeSpan.FromMinutes(3), cancellationToken);
        var wentDown = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var up = await IsUpAsync(http, cancellationToken);
            if (!up)
            {
                wentDown = true;
            }
            else if (wentDown)
            {
                return (t0, Stopwatch.GetTimestamp());
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task<bool> IsUpAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{Port}/health"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();
}
