using System.Text.Json;
using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration.Scheduling;

/// <summary><c>drills serve</c> takes a system's scheduled agency backups, whole and listed, beside its drills.</summary>
[Collection(DockerCollection.Name)]
public sealed class ServeBackupTests : IAsyncLifetime
{
    private const string Name = "drills-test-bk-serve-portal";
    private const string Share = "drills-test-bk-serve-backups";
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly RealDrillHarness _h = new();

    [Fact]
    public async Task Serve_fires_the_backup_schedule_and_every_backup_it_takes_is_listed_intact()
    {
        var yaml = Portal(Name, 19104, Scenario("kill", "kill: {}", RestoreSteps("start: {}"), verify: "[checks]"),
            extraContainer: $"volumes: [\"{Share}:/backups\"]",
            extraSystem: "backup: { method: files, share: /backups, keep: 2, schedule: \"0/2 * * * * ?\" }", maxDuration: "5m");
        var file = Path.Combine(_h.Folder, "scenarios.yaml");
        await File.WriteAllTextAsync(file, yaml);

        await using (var serve = ServeProcess.Start(_h.Folder, file))
        {
            await serve.WaitForAsync("Scheduled backup ", Minute, times: 3);
            Assert.Equal(0, await serve.StopAsync(Minute));
            Assert.DoesNotContain("FAILED", serve.Log, StringComparison.Ordinal);
        }

        var listed = await CliProcess.RunAsync("backups", "portal", "--json", "--file", file, "--data-dir", _h.Folder);
        Assert.True(listed.ExitCode == 0, listed.Stderr);
        using var json = JsonDocument.Parse(listed.Stdout);
        var backups = json.RootElement.GetProperty("backups").EnumerateArray().ToList();
        // keep: 2 pruned the first of the three it took.
        Assert.Equal(2, backups.Count);
        Assert.All(backups, b => Assert.True(b.GetProperty("intact").GetBoolean(), b.ToString()));
    }

    public Task InitializeAsync() => DockerCli.RemoveAsync(Name, Share);

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await DockerCli.RemoveAsync(Name, Share);
    }
}
