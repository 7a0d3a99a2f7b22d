using Drills.Orchestrator.Docker;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Tests.Scenarios;

/// <summary>How a cut of a target's output is said.</summary>
public sealed class OutputCutTests
{
    [Fact]
    public void The_note_gives_what_was_kept_of_how_much() =>
        Assert.Equal("[cut after 1 MiB of 95.4 MiB]", OutputCut.Note(OutputCut.MaxKeptBytes, 100_000_000));

    [Fact]
    public void Without_a_known_total_the_note_gives_what_was_kept() =>
        Assert.Equal("[cut after 1 MiB]", OutputCut.Note(OutputCut.MaxKeptBytes, null));

    [Fact]
    public void An_exec_result_past_the_cap_is_truncated_and_says_so()
    {
        var result = new ExecResult(0, "x", "") { StdoutBytes = 100_000_000 };

        Assert.True(result.Truncated);
        Assert.Equal(" [cut after 1 MiB of 95.4 MiB]", result.CutNote);
    }

    [Fact]
    public void An_exec_result_within_the_cap_has_no_note() =>
        Assert.Equal("", new ExecResult(0, "short", "").CutNote);

    [Fact]
    public async Task An_http_body_past_the_cap_keeps_its_first_MiB_and_says_so()
    {
        using var content = new ByteArrayContent(new byte[3 * 1024 * 1024]);

        var body = await Drills.Orchestrator.Checks.BoundedBody.ReadAsync(content, CancellationToken.None);

        Assert.Equal(OutputCut.MaxKeptBytes, body.Text.Length);
        Assert.Equal(" [cut after 1 MiB of 3 MiB]", body.CutNote);
    }
}
