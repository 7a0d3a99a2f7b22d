using Drills.Orchestrator.Service;
using Microsoft.Extensions.Time.Testing;

namespace Drills.Orchestrator.Tests.Orchestrator.Service;

public sealed class DrillGateTests
{
    private static readonly TimeSpan Later = TimeSpan.FromMinutes(5);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_second_drill_on_the_same_system_waits_until_the_first_ends_and_says_for_what()
    {
        var gate = new DrillGate(maxConcurrent: 2, _time);
        var first = await gate.EnterAsync("portal-kill", "portal", CancellationToken.None);

        var second = gate.EnterAsync("portal-ransomware", "portal", CancellationToken.None);
        _time.Advance(Later);
        Assert.False(second.IsCompleted);
        first!.Dispose();
        using var admitted = await second;

        Assert.NotNull(admitted);
        Assert.Equal(Later, admitted.Waited);
        Assert.Contains("'portal-kill' on the same system", admitted.WaitedFor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drills_on_different_systems_wait_only_for_the_global_limit()
    {
        var gate = new DrillGate(maxConcurrent: 1, _time);
        var portal = await gate.EnterAsync("portal-kill", "portal", CancellationToken.None);

        var records = gate.EnterAsync("records-wiper", "records", CancellationToken.None);
        _time.Advance(Later);
        Assert.False(records.IsCompleted);
        portal!.Dispose();
        using var admitted = await records;

        Assert.Contains("at most 1 drill(s) at once", admitted!.WaitedFor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_systems_run_together_under_the_default_limit_without_waiting()
    {
        var gate = new DrillGate(maxConcurrent: 2, _time);
        using var portal = await gate.EnterAsync("portal-kill", "portal", CancellationToken.None);
        using var records = await gate.EnterAsync("records-wiper", "records", CancellationToken.None);

        Assert.Null(records!.WaitedFor);
    }

    [Fact]
    public async Task A_scenario_already_running_or_waiting_is_not_admitted_again()
    {
        var gate = new DrillGate(maxConcurrent: 2, _time);
        using var running = await gate.EnterAsync("portal-kill", "portal", CancellationToken.None);

        Assert.Null(await gate.EnterAsync("portal-kill", "portal", CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_place_back()
    {
        var gate = new DrillGate(maxConcurrent: 2, _time);
        var first = await gate.EnterAsync("portal-kill", "portal", CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var waiting = gate.EnterAsync("portal-ransomware", "portal", stop.Token);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        first!.Dispose();

        using var again = await gate.EnterAsync("portal-ransomware", "portal", CancellationToken.None);
        Assert.NotNull(again);
    }
}
