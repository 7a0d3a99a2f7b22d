using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Tests.Support;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Steps;
using Drills.Scenarios.Text;
using static Drills.Orchestrator.Tests.Support.TestCatalogues;

namespace Drills.Orchestrator.Tests.Orchestrator.Engine;

public sealed class ReadinessGateTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private readonly EngineHarness _h = new();

    [Fact]
    public async Task A_newest_backup_older_than_rpo_target_refuses_the_drill_and_touches_nothing()
    {
        var portal = _h.AddLabelledPortal();
        var backups = new OneBackup(new AgencyBackup("20261123-160000-0a1b2c3d", "portal", BackupMethod.Files, _h.Time.GetUtcNow().AddHours(-3), 10, "ab", null, ["online"]));

        var result = await RunAsync(BackedUp(TimeSpan.FromHours(1)), RestoresLatest(), backups);

        Assert.Equal((DrillEnd.NotStarted, RunOutcome.Aborted), (result.End, result.Record.Outcome));
        var refusal = Assert.IsType<ReadinessFailedException>(result.Cause);
        Assert.Equal(ExitCodes.Environment, refusal.ExitCode);
        Assert.Contains("20261123-160000-0a1b2c3d", refusal.Problem, StringComparison.Ordinal);
        Assert.Contains("rpo_target 1h", refusal.Problem, StringComparison.Ordinal);
        Assert.Contains("drills backup portal", refusal.Fix, StringComparison.Ordinal);
        var items = result.Record.Readiness!.Items;
        Assert.Equal(["image", "backup", "checks", "disk"], items.Select(i => i.Name));
        Assert.False(items.Single(i => i.Name == "backup").Passed);
        Assert.Equal(ContainerStatus.Running, portal.Status);
        Assert.DoesNotContain(_h.Runtime.Calls, c => c.StartsWith("copy", StringComparison.Ordinal) || c.StartsWith("kill", StringComparison.Ordinal)
                                                     || c.StartsWith("stop", StringComparison.Ordinal) || c.StartsWith("pause", StringComparison.Ordinal)
                                                     || c.StartsWith("start", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(_h.Folder, "snapshots", result.Record.RunId)));
        Assert.DoesNotContain(result.Record.Journal, e => e.Mark == JournalMark.AttackStart);
    }

    [Fact]
    public async Task A_backup_within_rpo_target_passes_the_backup_item()
    {
        var backups = new OneBackup(new AgencyBackup("20261123-184500-0a1b2c3d", "portal", BackupMethod.Files, _h.Time.GetUtcNow().AddMinutes(-15), 10, "ab", null, ["online"]));

        var item = await BackupReadiness.CheckAsync(BackedUp(TimeSpan.FromHours(1)), RestoresLatest(), backups, _h.Runtime, null, _h.Time.GetUtcNow(), CancellationToken.None);

        Assert.True(item.Item.Passed, item.Item.Observation);
        Assert.Contains("within rpo_target 1h", item.Item.Observation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_image_refuses_before_a_stopped_target_is_started()
    {
        var portal = _h.Runtime.Add(PortalName, TargetLabels.For("portal"), ContainerStatus.Exited);
        _h.Runtime.Images.Clear();

        var result = await RunAsync(Portal(), Scenario([new KillStep("SIGKILL", SourceLocation.None)], [new StartStep(SourceLocation.None)]), NoAgencyBackups.Instance);

        Assert.Equal(DrillEnd.NotStarted, result.End);
        Assert.Equal(ContainerStatus.Exited, portal.Status);
        var items = result.Record.Readiness!.Items.ToDictionary(i => i.Name);
        Assert.False(items["image"].Passed);
        Assert.StartsWith("not checked", items["checks"].Observation, StringComparison.Ordinal);
        Assert.Contains("image: ", ((DrillsException)result.Cause!).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drill_that_runs_records_its_four_readiness_items_passed_and_probes_its_baseline_once()
    {
        _h.AddLabelledPortal();

        var result = await RunAsync(Portal(), Scenario([new KillStep("SIGKILL", SourceLocation.None)], [new StartStep(SourceLocation.None)]), NoAgencyBackups.Instance);

        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.True(result.Record.Readiness!.Passed);
        Assert.Equal(["image", "backup", "checks", "disk"], result.Record.Readiness.Items.Select(i => i.Name));
        var gate = result.Record.Journal.Single(e => e.Message.StartsWith("Readiness gate passed", StringComparison.Ordinal));
        var baseline = result.Record.Journal.Single(e => e.Mark == JournalMark.Baseline);
        Assert.True(gate.Sequence < baseline.Sequence);
        Assert.Equal(1, result.Record.Checks.Count(c => c.Phase == "baseline" && c.Check.StartsWith("exec", StringComparison.Ordinal)));
    }

    private static SystemDefinition BackedUp(TimeSpan rpo) => Portal() with
    {
        RpoTarget = rpo,
        Backup = new BackupSpec(BackupMethod.Files, [], [], null, null, null, SourceLocation.None),
    };

    private static ScenarioDefinition RestoresLatest() =>
        Scenario([new KillStep("SIGKILL", SourceLocation.None)], [new RestoreBackupStep(BackupSource.Latest, SourceLocation.None), new StartStep(SourceLocation.None)]);

    private DrillEngine Engine(IAgencyBackups backups) => new(
        _h.Runtime, new FakeNetworkProbe(_h.Runtime, PortalName, IndexPath), _h.Time, _h.Store,
        new SnapshotStore(Path.Combine(_h.Folder, "snapshots")), new DrillOptions(), Serilog.Core.Logger.None, backups: backups);

    private Task<DrillResult> RunAsync(SystemDefinition system, ScenarioDefinition scenario, IAgencyBackups backups)
    {
        var engine = Engine(backups);
        return _h.DriveAsync(() => engine.RunAsync(With(system, scenario), scenario, null, CancellationToken.None), Tick);
    }

    public void Dispose() => _h.Dispose();

    /// <summary>A backup store holding one intact backup.</summary>
    private sealed class OneBackup(AgencyBackup newest) : IAgencyBackups
    {
        public Task<AgencyBackup> TakeAsync(SystemDefinition system, IContainerRuntime runtime, string containerId, string? runId, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not taken in these tests");

        public Task<AgencyBackup?> NewestIntactAsync(SystemDefinition system, IContainerRuntime runtime, string? containerId, CancellationToken cancellationToken) =>
            Task.FromResult<AgencyBackup?>(newest);

        public IReadOnlyList<AgencyBackup> List(string systemId) => [newest];

        public Task<VerifiedCopy> OpenAsync(AgencyBackup backup, string copy, IContainerRuntime runtime, string? containerId, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not opened in these tests");

        public void Hold(AgencyBackup backup, string runId)
        {
        }

        public void Release(string runId)
        {
        }
    }
}
