using Drills.Orchestrator.Service;
using Microsoft.Extensions.Time.Testing;

namespace Drills.Orchestrator.Tests.Orchestrator.Service;

/// <summary>A fire that did not run says in which phase of the service it came due.</summary>
public sealed class ServiceLifeTests
{
    [Fact]
    public void Fire_says_whether_it_came_due_while_the_service_was_down_starting_running_or_stopping()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var life = new ServiceLife(clock);
        var started = life.StartedUtc;
        var starting = life.PhaseOf(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(10));
        life.Ready();
        clock.Advance(TimeSpan.FromSeconds(10));
        var running = life.PhaseOf(clock.GetUtcNow());
        var stoppingBefore = life.IsStopping;
        life.Stopping();
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.True(started <= new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), "the process started before the service was built");
        Assert.Equal("missed while the service was down", life.PhaseOf(started.AddSeconds(-1)));
        Assert.Equal("due while the service was starting", starting);
        Assert.StartsWith("not fired in time while the service ran", running, StringComparison.Ordinal);
        Assert.Equal("due while the service was stopping", life.PhaseOf(clock.GetUtcNow()));
        Assert.Equal((false, true), (stoppingBefore, life.IsStopping));
    }
}
