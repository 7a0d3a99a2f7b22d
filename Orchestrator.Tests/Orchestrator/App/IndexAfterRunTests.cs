using Drills.Orchestrator.App;
using Drills.Orchestrator.Tests.Orchestrator.Cli;
using Drills.Orchestrator.Tests.Orchestrator.Engine;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Steps;
using Microsoft.Extensions.Time.Testing;
using static Drills.Orchestrator.Tests.Support.TestCatalogues;

namespace Drills.Orchestrator.Tests.Orchestrator.App;

[Collection(ConsoleCollection.Name)]
public sealed class IndexAfterRunTests : IDisposable
{
    private readonly EngineHarness _h = new();
    private readonly string _data = Path.Combine(Path.GetTempPath(), "drills-index-after-run-" + Guid.NewGuid().ToString("N"));

    private async Task<RunRecord> DrillAsync()
    {
        _h.AddLabelledPortal();
        var scenario = Scenario([new KillStep("SIGKILL", Nowhere)], [new RestartStep(Nowhere)]);
        var result = await _h.RunAsync(Portal(), scenario, TimeSpan.FromMilliseconds(250));
        Assert.Equal(RunOutcome.Passed, result.Record.Outcome);
        return result.Record;
    }

    private AppServices Services() => new(new AppOptions(_data, Verbose: false, Service: false, new FakeTimeProvider(_h.Time.GetUtcNow().AddHours(1))));

    [Fact]
    public async Task Publishing_a_runs_report_rewrites_the_index_with_that_run()
    {
        var run = await DrillAsync();
        using var services = Services();
        services.Store.Complete(run);

        var report = await ReportPublisher.PublishAsync(services, run, timeZone: null, CancellationToken.None);

        var index = await File.ReadAllTextAsync(Path.Combine(services.Data.Reports, "index.html"));
        Assert.Contains("data-system=\"portal\"", index, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Path.GetFileName(report)}\"", index, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"total-systems\">1</dd>", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_rendered_again_leaves_the_index_that_links_to_it_alone_and_writes_a_missing_one()
    {
        var run = await DrillAsync();
        using var services = Services();
        services.Store.Complete(run);
        var first = await ReportPublisher.PublishAsync(services, run, timeZone: null, CancellationToken.None);
        var indexPath = Path.Combine(services.Data.Reports, "index.html");
        await File.WriteAllTextAsync(indexPath, "the index as drills index wrote it");

        var again = await ReportPublisher.PublishAsync(services, services.Store.Find(run.RunId)!, timeZone: null, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal("the index as drills index wrote it", await File.ReadAllTextAsync(indexPath));
        File.Delete(indexPath);
        await ReportPublisher.PublishAsync(services, services.Store.Find(run.RunId)!, timeZone: null, CancellationToken.None);
        Assert.Contains($"href=\"{Path.GetFileName(first)}\"", await File.ReadAllTextAsync(indexPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_index_that_cannot_be_written_costs_neither_the_run_nor_its_report()
    {
        var run = await DrillAsync();
        using var services = Services();
        services.Store.Complete(run);
        Directory.CreateDirectory(Path.Combine(services.Data.Reports, "index.html", "in-the-way"));
        using var console = new ConsoleCapture();

        var report = await ReportPublisher.PublishAsync(services, run, timeZone: null, CancellationToken.None);

        Assert.True(File.Exists(report));
        Assert.Equal(report, services.Store.Find(run.RunId)!.ReportPath);
        Assert.Contains("warning: index", console.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _h.Dispose();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
