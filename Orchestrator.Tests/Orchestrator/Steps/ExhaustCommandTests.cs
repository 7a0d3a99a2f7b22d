using Drills.Orchestrator.Steps;
using Drills.Orchestrator.Tests.Support;
using Drills.Scenarios.Steps;

namespace Drills.Orchestrator.Tests.Orchestrator.Steps;

public sealed class ExhaustCommandTests
{
    [Fact]
    public void Workers_are_bounded_by_for_and_carry_the_run_id()
    {
        var step = new ExhaustStep(3, 64L * 1024 * 1024, TimeSpan.FromMilliseconds(2500), TestCatalogues.Nowhere);

        var command = Exhaust.Command("20261201-150000-0123456789abcdef", step);

        Assert.Equal(["drills-exhaust", "20261201-150000-0123456789abcdef", "2.5", "3", "67108864"], command.Skip(3));
        Assert.Contains("timeout $secs", command[2], StringComparison.Ordinal);
        Assert.Contains("mark=drills-run-$1", command[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Memory_is_held_in_one_buffer_never_by_changing_limits()
    {
        var script = Exhaust.Command("x", new ExhaustStep(0, 1024, TimeSpan.FromSeconds(1), TestCatalogues.Nowhere))[2];

        Assert.Contains("dd if=/dev/zero bs=$mem count=1 iflag=fullblock", script, StringComparison.Ordinal);
        Assert.DoesNotContain("ulimit", script, StringComparison.Ordinal);
        Assert.DoesNotContain("/sys/fs/cgroup", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Released_pressure_says_what_it_killed_and_what_survived()
    {
        var killed = new MarkedProcess(40, 1, ["timeout", "10"]);
        var survivor = new MarkedProcess(41, 40, ["sh"]);

        Assert.Equal("killed 1 marked process(es); 1 still running: 41; marked temporary files deleted",
            new ReleasedPressure([killed], [survivor], FolderRemoved: true, Running: true).Describe());
        Assert.False(new ReleasedPressure([killed], [survivor], false, true).Clean);
        Assert.Equal("no marked process was running", new ReleasedPressure([], [], false, true).Describe());
    }
}
