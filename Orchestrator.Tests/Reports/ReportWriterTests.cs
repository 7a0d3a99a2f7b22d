using Drills.Reports.AfterAction;

namespace Drills.Orchestrator.Tests.Reports;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "drills-reports-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Writes_the_report_as_run_id_dot_html_and_returns_its_path()
    {
        var run = SampleRuns.Passed();

        var path = await new ReportWriter().WriteAsync(run, SampleRuns.Context, directory, CancellationToken.None);

        Assert.Equal(Path.Combine(directory, run.RunId + ".html"), path);
        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(path));
        Assert.Single(Directory.GetFiles(directory));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    public async Task Refuses_a_run_id_that_is_not_a_plain_file_name(string runId)
    {
        var run = SampleRuns.Passed() with { RunId = runId };

        await Assert.ThrowsAsync<ArgumentException>(
            () => new ReportWriter().WriteAsync(run, SampleRuns.Context, directory, CancellationToken.None));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
