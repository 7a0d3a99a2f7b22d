using System.Text;
using Drills.Orchestrator.Errors;
using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>A real drill through the CLI leaves signed evidence: drills run, then drills export, then drills verify finds the bundle intact.</summary>
[Collection(DockerCollection.Name)]
public sealed class EvidenceDrillTests : IAsyncLifetime
{
    private const string Container = "drills-test-evidence-portal";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "drills-test-evidence-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_real_drill_is_exported_and_its_bundle_verifies()
    {
        var file = Path.Combine(_folder, "scenarios.yaml");
        await File.WriteAllTextAsync(file, Portal(Container, 18901, Scenario("evidence-kill", "kill: {}", RestoreSteps("start: {}"))), Encoding.UTF8);

        var run = await CliProcess.RunAsync("run", "evidence-kill", "--file", file, "--data-dir", Path.Combine(_folder, "data"), "--json");
        var runId = run.Stdout.Split('"')[3];
        var export = await CliProcess.RunAsync("export", runId, "--out", _folder, "--data-dir", Path.Combine(_folder, "data"));
        var verify = await CliProcess.RunAsync("verify", export.Stdout.Trim(), "--json");

        Assert.True(run.ExitCode == ExitCodes.Passed, run.Stdout + run.Stderr);
        Assert.Contains("evidence:", run.Stderr, StringComparison.Ordinal);
        Assert.True(export.ExitCode == ExitCodes.Passed, export.Stdout + export.Stderr);
        Assert.Equal(Path.Combine(_folder, $"drills-evidence-{runId}.zip"), export.Stdout.Trim());
        Assert.True(verify.ExitCode == ExitCodes.Passed, verify.Stdout + verify.Stderr);
        Assert.Contains($"\"runId\":\"{runId}\"", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"signatureValid\":true", verify.Stdout, StringComparison.Ordinal);
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await DockerCli.RemoveAsync(Container);
    }

    public async Task DisposeAsync()
    {
        await DockerCli.RemoveAsync(Container);
        Directory.Delete(_folder, recursive: true);
    }
}
