using Drills.Orchestrator.Cli;
using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

public sealed class ParticipantOptionTests
{
    [Fact]
    public void Names_are_trimmed_and_kept_once_in_order()
    {
        Assert.Equal(["Nguyễn Văn A", "Trần Thị B"], Participants.Read([" Nguyễn Văn A ", "Trần Thị B", "Nguyễn Văn A"]));
        Assert.Empty(Participants.Read(null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("A\u001b[31mB")]
    public void Blank_or_control_names_are_refused_with_a_fix(string name)
    {
        var error = Assert.Throws<CliException>(() => Participants.Read([name]));

        Assert.Equal(ExitCodes.BadInput, error.ExitCode);
        Assert.Contains("--participant", error.Fix, StringComparison.Ordinal);
    }
}
