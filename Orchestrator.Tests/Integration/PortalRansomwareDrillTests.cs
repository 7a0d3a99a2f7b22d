using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Tests.Support;
using Drills.Scenarios.RunRecords;

using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>The portal ransomware drill end to end against a real container.</summary>
[Collection(DockerCollection.Name)]
public sealed class PortalRansomwareDrillTests : IAsyncLifetime
{
    private const string Name = "drills-test-ransomware-portal";
    private readonly RealDrillHarness _h = new();

    [Fact]
    public async Task Ransomware_drill_encrypts_every_file_and_restores_each_from_the_baseline()
    {
        var catalogue = _h.Load(Portal(Name, 18182, Scenario("ransomware",
            "encrypt-files: { paths: [/srv/www], note: README_RESTORE.txt }",
            RestoreSteps("wait: 2s", "restore-backup: baseline", "restart: {}"))));
        Dictionary<string, byte[]>? baseline = null;
        Task<Dictionary<string, byte[]>>? duringAttack = null;
        var progress = new InlineProgress(e =>
        {
            // Read the data while the drill holds still (the first restore step waits 2 s).
            if (e.Mark is JournalMark.Baseline)
            {
                baseline = _h.ReadFilesAsync(Name, "/srv/www").GetAwaiter().GetResult();
            }
            else if (e.Mark is JournalMark.RestoreStart)
            {
                duringAttack = Task.Run(() => _h.ReadFilesAsync(Name, "/srv/www"));
            }
        });

        var result = await _h.RunAsync(catalogue, "ransomware", progress);
        var attacked = await duringAttack!;
        var restored = await _h.ReadFilesAsync(Name, "/srv/www");

        Assert.NotNull(baseline);
        Assert.True(baseline!.Count >= 5, $"the sample portal should hold several files, found {baseline.Count}");
        Assert.Contains("www/README_RESTORE.txt", attacked.Keys);
        foreach (var (path, content) in baseline)
        {
            Assert.False(attacked.ContainsKey(path), $"{path} should have been replaced by its encrypted copy");
            Assert.NotEqual(content, attacked[path + ".locked"]);
            Assert.Equal(content, restored[path]);
        }

        Assert.Equal(baseline.Keys.Order(), restored.Keys.Order());
        Assert.Contains(result.Record.Checks, c => c.Check.StartsWith("integrity", StringComparison.Ordinal) && c.Passed && c.Phase == "restore");
        Assert.DoesNotContain(result.Record.Journal, e => e.Message.Contains("differs from the catalogue", StringComparison.Ordinal));
        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.Equal(RunOutcome.Passed, result.Record.Outcome);
        Assert.True(result.Record.MetTarget);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();
}
