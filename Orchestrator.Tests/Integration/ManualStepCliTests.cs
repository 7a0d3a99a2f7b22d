using System.Text.Json;
using Drills.Orchestrator.Errors;
using Drills.Scenarios.RunRecords;

using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>Manual restore steps end to end: a real drill waits for `drills confirm` from another process, or simulates the step.</summary>
[Collection(DockerCollection.Name)]
public sealed class ManualStepCliTests : IAsyncLifetime
{
    private const string ManualDns = "manual: { title: Restore DNS records by hand, expected: 2h }";
    private static readonly TimeSpan OperatorTakes = TimeSpan.FromSeconds(3);
    private readonly RealDrillHarness _h = new();

    [Fact]
    public async Task Drill_waits_for_the_manual_step_until_another_process_confirms_it_and_measures_the_wait()
    {
        var file = await CatalogueAsync("drills-test-manual-confirm", 18190);

        using var drill = CliProcess.Start("run", "manual-dns", "--json", "--file", file, "--data-dir", _h.Folder);
        var runId = await WaitUntilWaitingAsync();
        await Task.Delay(OperatorTakes);
        var confirm = await CliProcess.RunAsync("confirm", runId, "2", "--note", "ticket 42", "--data-dir", _h.Folder);
        var run = await drill.WaitAsync();

        Assert.True(confirm.ExitCode == ExitCodes.Passed, confirm.Stderr);
        Assert.Contains("Confirmed restore step 2", confirm.Stdout, StringComparison.Ordinal);
        Assert.True(run.ExitCode == ExitCodes.Passed, run.Stderr);
        Assert.Contains($"drills confirm {runId} 2 --data-dir", run.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.True(json.RootElement.GetProperty("recoverySeconds").GetDouble() >= OperatorTakes.TotalSeconds, "the operator's wait is measured");
        Assert.False(json.RootElement.TryGetProperty("declaredManualSeconds", out _));
        var record = _h.Store.Find(runId)!;
        var manual = record.Steps.Single(s => s.Kind == "manual").Manual!;
        Assert.Equal((Environment.UserName, "ticket 42"), (manual.ConfirmedBy, manual.Note));
        var html = await File.ReadAllTextAsync(record.ReportPath!);
        Assert.Contains($"Confirmed by {Environment.UserName} at", html, StringComparison.Ordinal);
        Assert.Contains("Operator wait (measured)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulated_manual_step_adds_its_declared_time_in_the_declared_field_only()
    {
        var file = await CatalogueAsync("drills-test-manual-simulate", 18191);

        var run = await CliProcess.RunAsync("run", "manual-dns", "--simulate-manual", "--json", "--file", file, "--data-dir", _h.Folder);
        var runs = await CliProcess.RunAsync("runs", "--json", "--data-dir", _h.Folder);

        Assert.True(run.ExitCode == ExitCodes.Passed, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var measured = json.RootElement.GetProperty("recoverySeconds").GetDouble();
        Assert.InRange(measured, 0.001, 120);
        Assert.Equal(7200, json.RootElement.GetProperty("declaredManualSeconds").GetDouble());
        using var listed = JsonDocument.Parse(runs.Stdout);
        Assert.Equal(7200, listed.RootElement.GetProperty("runs")[0].GetProperty("declaredManualSeconds").GetDouble());
        var record = _h.Store.Find(json.RootElement.GetProperty("runId").GetString()!)!;
        Assert.Equal(TimeSpan.FromHours(2), record.DeclaredManualTime);
        Assert.DoesNotContain(record.Journal, e => e.Mark == JournalMark.ManualWaiting);
        var html = await File.ReadAllTextAsync(record.ReportPath!);
        Assert.Contains("Declared manual time (not measured)</span></th><td class=\"value tone-warn\">2 h<", html, StringComparison.Ordinal);
        Assert.Contains("Total: measured + declared", html, StringComparison.Ordinal);
        Assert.Contains("Recovery time (measured RTO)</span></th><td class=\"value tone-neutral\">", html, StringComparison.Ordinal);
    }

    private async Task<string> CatalogueAsync(string container, int port)
    {
        var yaml = Portal(container, port, Scenario("manual-dns", "kill: {}", RestoreSteps("start: {}", ManualDns), verify: "[checks]"));
        _h.Load(yaml);
        await _h.RemoveLeftoversAsync();
        var file = Path.Combine(_h.Folder, "scenarios.yaml");
        await File.WriteAllTextAsync(file, yaml);
        return file;
    }

    /// <summary>Polls the run store the drill writes, as an operator watching `drills runs` would, until the manual step waits.</summary>
    private async Task<string> WaitUntilWaitingAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            if (_h.Store.List(1) is [var run] && _h.Store.ManualSteps(run.RunId) is [{ IsWaiting: true }])
            {
                return run.RunId;
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();
}
