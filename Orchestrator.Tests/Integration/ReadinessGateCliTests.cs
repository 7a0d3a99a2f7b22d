using System.Text;
using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Tests.Orchestrator.Docker;
using Drills.Scenarios.RunRecords;
using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>The readiness gate against a real container and a real backup store: a backup older than rpo_target refuses the drill, touching nothing.</summary>
[Collection(DockerCollection.Name)]
public sealed class ReadinessGateCliTests : IAsyncLifetime
{
    private const string Name = "drills-test-sf-gate";
    private readonly RealDrillHarness _h = new();

    [Fact]
    public async Task A_newest_backup_older_than_rpo_target_refuses_the_drill_with_exit_3_touching_nothing()
    {
        var yaml = Portal(Name, 19203,
                Scenario("from-latest", "deface: { path: /srv/www/index.html, content: \"<h1>Hacked</h1>\" }", RestoreSteps("restore-backup: latest", "restart: {}")) +
                Environment.NewLine + Scenario("quick", "kill: {}", RestoreSteps("start: {}")))
            .Replace("    rto_target: 4h", "    rto_target: 4h\n    rpo_target: 1s\n    backup: { method: files }", StringComparison.Ordinal);
        _h.Load(yaml);
        await _h.RemoveLeftoversAsync();
        var file = Path.Combine(_h.Folder, "scenarios.yaml");
        await File.WriteAllTextAsync(file, yaml, Encoding.UTF8);
        var deployed = await CliProcess.RunAsync("run", "quick", "--file", file, "--data-dir", _h.Folder);
        Assert.True(deployed.ExitCode == ExitCodes.Passed, deployed.Stderr);
        var backup = await TakeBackupAsync();
        // Older than rpo_target 1s by the clock, not by a guessed sleep.
        await TestEngine.EventuallyAsync("the backup is older than rpo_target", TimeSpan.FromMinutes(1),
            () => Task.FromResult(DateTimeOffset.UtcNow - backup.TakenAtUtc > TimeSpan.FromSeconds(2)), CancellationToken.None);
        var startedBefore = await DockerCli.RunAsync("inspect", "-f", "{{.State.StartedAt}}", Name);

        var refused = await CliProcess.RunAsync("run", "from-latest", "--file", file, "--data-dir", _h.Folder, "--json");

        Assert.True(refused.ExitCode == ExitCodes.Environment, refused.Stderr);
        Assert.Contains(backup.Id, refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("rpo_target 1s", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(startedBefore, await DockerCli.RunAsync("inspect", "-f", "{{.State.StartedAt}}", Name));
        Assert.Contains("Cổng dịch vụ công", (await _h.ExecAsync(Name, "cat", "/srv/www/index.html")).Stdout, StringComparison.Ordinal);
        var run = _h.Store.List(10).Single(r => r.ScenarioId == "from-latest");
        Assert.Equal(RunOutcome.Aborted, run.Outcome);
        Assert.False(Directory.Exists(Path.Combine(_h.Folder, "snapshots", run.RunId)), "no snapshot was taken");
        Assert.DoesNotContain(run.Journal, e => e.Mark == JournalMark.AttackStart);
        var item = run.Readiness!.Items.Single(i => i.Name == "backup");
        Assert.False(item.Passed);
        Assert.Contains("\"readiness\"", refused.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"notStarted\"", refused.Stdout, StringComparison.Ordinal);
    }

    private async Task<AgencyBackup> TakeBackupAsync()
    {
        var catalogue = _h.Load(await File.ReadAllTextAsync(Path.Combine(_h.Folder, "scenarios.yaml")));
        var store = new BackupStore(Path.Combine(_h.Folder, "backups"), Path.Combine(_h.Folder, "offline"), TimeProvider.System, Serilog.Core.Logger.None);
        var container = (await _h.Runtime.FindByNameAsync(Name, CancellationToken.None))!;
        return await store.TakeAsync(catalogue.Systems["portal"], new LabelledOnlyRuntime(_h.Runtime, "portal"), container.Id, null, CancellationToken.None);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();
}
