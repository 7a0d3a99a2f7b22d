using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Tests.Orchestrator.Docker;
using Drills.Scenarios.RunRecords;
using static Drills.Orchestrator.Tests.Integration.Scheduling.ServeCatalogues;
using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration.Scheduling;

/// <summary>
/// A catalogue file that cannot load — deeply nested, or 50 MB — never costs a drill or a schedule, and never
/// keeps a target attacked: the service rejects it while it runs, and rolls crashed runs back before reading it.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class ServeHostileFileTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly RealDrillHarness _h = new();

    [Fact]
    public async Task Hostile_files_saved_under_a_running_service_mid_drill_are_rejected_the_drill_completes_and_the_schedule_keeps_firing()
    {
        const string name = "drills-test-serve-hostile";
        var file = await WriteAsync(_h.Folder, Load(Portal(name, 18211,
            SlowRansomware("slow-ransom", Once(SecondsAhead(5))) + "\n" + KillDrill("kill-often", "0/5 * * * * ?"))));
        await using var serve = ServeProcess.Start(_h.Folder, file);
        await serve.WaitForAsync("slow-ransom: attack 2/2:", TimeSpan.FromMinutes(2));

        await File.WriteAllTextAsync(file, DeeplyNested);
        await serve.WaitForAsync("Reload (file changed) rejected:", Minute);
        await WriteFiftyMegabytesAsync(file);
        await serve.WaitForAsync("Reload (file changed) rejected:", Minute, times: 2);
        await TestEngine.EventuallyAsync("the slow drill ended", TimeSpan.FromMinutes(2),
            () => Task.FromResult(_h.Store.List(50).Any(r => r.ScenarioId == "slow-ransom" && r.Outcome != RunOutcome.Running)), CancellationToken.None);
        var killsBefore = PassedKills();
        await TestEngine.EventuallyAsync("the old schedule fires again after the rejected files", TimeSpan.FromMinutes(2),
            () => Task.FromResult(PassedKills() > killsBefore), CancellationToken.None);

        Assert.Equal(ExitCodes.Passed, await serve.StopAsync(Minute));
        var slow = Assert.Single(_h.Store.List(50), r => r.ScenarioId == "slow-ransom");
        Assert.Equal(RunOutcome.Passed, slow.Outcome);
        Assert.Contains("nests more than 32 mappings and lists deep", serve.Log, StringComparison.Ordinal);
        Assert.Contains("larger than 4 MiB", serve.Log, StringComparison.Ordinal);
        Assert.Contains("the running schedule is unchanged", serve.Log, StringComparison.Ordinal);
        var files = await _h.ReadFilesAsync(name, "/srv/www");
        Assert.DoesNotContain(files.Keys, f => f.EndsWith(".locked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Service_started_after_a_crash_with_a_file_that_no_longer_loads_rolls_the_target_back_first_then_refuses_the_file()
    {
        const string name = "drills-test-serve-badfile";
        var yaml = Load(Portal(name, 18212, SlowRansomware("slow-ransom", Once(SecondsAhead(3600)))));
        var file = await WriteAsync(_h.Folder, yaml);
        using (CliProcess.Start("run", "slow-ransom", "--file", file, "--data-dir", _h.Folder))
        {
            await TestEngine.EventuallyAsync("the drill has encrypted the portal", TimeSpan.FromMinutes(2),
                () => Task.FromResult(_h.Store.ListRunning().Any(r => r.Steps.Any(s => s.Kind == "encrypt-files"))), CancellationToken.None);
        }

        var killed = Assert.Single(_h.Store.ListRunning());
        await File.WriteAllTextAsync(file, DeeplyNested);

        var serve = await CliProcess.RunAsync("serve", "--file", file, "--data-dir", _h.Folder);

        Assert.Equal(ExitCodes.BadInput, serve.ExitCode);
        Assert.Contains("scenarios.yaml:1:", serve.Stderr, StringComparison.Ordinal);
        var run = _h.Store.Find(killed.RunId)!;
        Assert.Equal((RunOutcome.Aborted, true), (run.Outcome, run.RolledBack));
        var files = await _h.ReadFilesAsync(name, "/srv/www");
        Assert.DoesNotContain(files.Keys, f => f.EndsWith(".locked", StringComparison.Ordinal) || f.EndsWith("README_RESTORE.txt", StringComparison.Ordinal));
        Assert.Contains("Cổng dịch vụ công", System.Text.Encoding.UTF8.GetString(files["www/index.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drills_run_killed_while_the_service_runs_is_rolled_back_by_the_service_without_a_restart()
    {
        const string name = "drills-test-serve-periodic";
        var file = await WriteAsync(_h.Folder, Load(Portal(name, 18213, SlowRansomware("slow-ransom", Once(SecondsAhead(3600))))));
        await using var serve = ServeProcess.Start(_h.Folder, file);
        await serve.WaitForAsync("drills serve started", Minute);
        using (CliProcess.Start("run", "slow-ransom", "--file", file, "--data-dir", _h.Folder))
        {
            await TestEngine.EventuallyAsync("the drill has encrypted the portal", TimeSpan.FromMinutes(2),
                () => Task.FromResult(_h.Store.ListRunning().Any(r => r.Steps.Any(s => s.Kind == "encrypt-files"))), CancellationToken.None);
        }

        var killed = Assert.Single(_h.Store.ListRunning());
        // The service looks for crashed runs every minute: within two it has rolled this one back.
        await serve.WaitForAsync($"Interrupted run {killed.RunId} closed as aborted", TimeSpan.FromMinutes(3));

        Assert.Equal(ExitCodes.Passed, await serve.StopAsync(Minute));
        var run = _h.Store.Find(killed.RunId)!;
        Assert.Equal((RunOutcome.Aborted, true), (run.Outcome, run.RolledBack));
        var files = await _h.ReadFilesAsync(name, "/srv/www");
        Assert.DoesNotContain(files.Keys, f => f.EndsWith(".locked", StringComparison.Ordinal) || f.EndsWith("README_RESTORE.txt", StringComparison.Ordinal));
    }

    public Task InitializeAsync() => _h.RemoveLeftoversAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>63 KB of nested flow sequences: read naively, the YAML library's recursion overflows the stack.</summary>
    private static string DeeplyNested => new string('[', 63_000) + new string(']', 63_000);

    private static async Task WriteFiftyMegabytesAsync(string file)
    {
        await using var output = new StreamWriter(file, append: false);
        await output.WriteAsync("version: 1\nnote: \"");
        var chunk = new string('x', 1 << 20);
        for (var i = 0; i < 50; i++)
        {
            await output.WriteAsync(chunk);
        }

        await output.WriteAsync("\"\n");
    }

    private int PassedKills() => _h.Store.List(200).Count(r => r.ScenarioId == "kill-often" && r.Outcome == RunOutcome.Passed);

    private string Load(string yaml)
    {
        _h.Load(yaml);
        return yaml;
    }
}
