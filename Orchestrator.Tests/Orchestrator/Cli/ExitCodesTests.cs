using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

public sealed class ExitCodesTests
{
    [Theory]
    [InlineData("Passed", 0)]
    [InlineData("MissedTarget", 1)]
    [InlineData("VerificationFailed", 1)]
    [InlineData("NotStarted", 3)]
    [InlineData("StopCondition", 4)]
    [InlineData("StepError", 4)]
    [InlineData("Cancelled", 4)]
    public void Each_way_a_drill_ends_maps_to_its_documented_exit_code(string end, int expected) =>
        Assert.Equal(expected, Enum.Parse<DrillEnd>(end).ExitCode());

    [Fact]
    public void Several_drills_exit_with_the_most_serious_code() =>
        Assert.Equal(ExitCodes.Aborted, ExitCodes.Worst([ExitCodes.Passed, ExitCodes.Failed, ExitCodes.Aborted]));

    [Fact]
    public void Several_passed_drills_exit_0() =>
        Assert.Equal(ExitCodes.Passed, ExitCodes.Worst([ExitCodes.Passed, ExitCodes.Passed]));
}
