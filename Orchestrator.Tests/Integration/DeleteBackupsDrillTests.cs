using Drills.Orchestrator.Engine;
using Drills.Scenarios.RunRecords;

using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// T1490 against the real sample portal: delete-backups destroys every copy on the portal's own backup share, and
/// the drill still recovers, from the offline copy the target cannot reach.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class DeleteBackupsDrillTests : IAsyncLifetime
{
    private const string Name = "drills-test-atk-bk-portal";
    private const string Share = "drills-test-atk-bk-share";
    private const string Data = "drills-test-atk-bk-data";
    private const int Port = 19152;
    private readonly RealDrillHarness _h = new();

    private Drills.Scenarios.Catalogue.DrillCatalogue Catalogue(string backup) => _h.Load(Portal(Name, Port,
        Scenario("ransom", "delete-backups: {}\n      - encrypt-files: { paths: [/srv/www] }",
            RestoreSteps("restore-backup: { from: latest, fallback: next-intact }", "restart: {}")),
        extraContainer: $"volumes: [\"{Data}:/srv/www\", \"{Share}:/backups\"]",
        extraSystem: backup));

    [Fact]
    public async Task After_the_share_is_wiped_the_drill_recovers_from_the_offline_copy()
    {
        var catalogue = Catalogue("backup: { method: files, share: /backups }");
        var store = _h.Backups();
        var backup = await _h.TakeBackupAsync(store, catalogue, "portal");
        var backedUp = await _h.ReadFilesAsync(Name, "/srv/www");

        var result = await _h.RunAsync(catalogue, "ransom", backups: store);

        Assert.Equal(DrillEnd.Passed, result.End);
        var wipe = Assert.Single(result.Record.Steps, s => s.Kind == "delete-backups");
        Assert.True(wipe.Succeeded, wipe.Observation);
        Assert.Contains("every backup copy the target could reach", wipe.Observation, StringComparison.Ordinal);
        var used = Assert.Single(result.Record.RestoredFrom);
        Assert.Equal((backup.Id, RestoredBackup.Offline), (used.BackupId, used.Copy));
        Assert.Equal(backedUp, await _h.ReadFilesAsync(Name, "/srv/www"));
        Assert.Equal("", (await _h.ExecAsync(Name, "ls", "-A", "/backups")).Stdout.Trim());
    }

    [Fact]
    public async Task Without_a_share_nothing_is_reachable_and_the_step_says_so()
    {
        var catalogue = Catalogue("backup: { method: files }");
        var store = _h.Backups();
        await _h.TakeBackupAsync(store, catalogue, "portal");

        var result = await _h.RunAsync(catalogue, "ransom", backups: store);

        Assert.Equal(DrillEnd.Passed, result.End);
        var wipe = Assert.Single(result.Record.Steps, s => s.Kind == "delete-backups");
        Assert.True(wipe.Succeeded);
        Assert.StartsWith("no backup copy reachable from the target", wipe.Observation, StringComparison.Ordinal);
        Assert.Equal(RestoredBackup.Online, Assert.Single(result.Record.RestoredFrom).Copy);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await DockerCli.RemoveAsync(volume: Share);
        await DockerCli.RemoveAsync(volume: Data);
    }
}
