using Drills.Orchestrator.Drill;

namespace Drills.Orchestrator.Tests.Orchestrator.Drill;

public sealed class RunOwnersTests
{
    [Fact]
    public void This_process_is_alive() => Assert.True(RunOwners.IsAlive(RunOwners.Current));

    [Fact]
    public void A_process_that_no_longer_exists_is_dead() =>
        Assert.False(RunOwners.IsAlive(RunOwners.Current with { ProcessId = int.MaxValue }));

    [Fact]
    public void A_reused_process_id_with_another_start_time_is_dead() =>
        Assert.False(RunOwners.IsAlive(RunOwners.Current with { ProcessStartedUtc = RunOwners.Current.ProcessStartedUtc.AddHours(-1) }));

    [Fact]
    public void A_run_owned_on_another_host_is_left_alone() =>
        Assert.True(RunOwners.IsAlive(RunOwners.Current with { Host = "another-host", ProcessId = int.MaxValue }));

    [Fact]
    public void A_run_without_an_owner_is_treated_as_dead() => Assert.False(RunOwners.IsAlive(null));
}
