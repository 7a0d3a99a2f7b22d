using System.Text;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Tests.Integration.Scheduling;
using Drills.Orchestrator.Tests.Orchestrator.Docker;
using Drills.Scenarios.RunRecords;
using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// A drills run killed with SIGKILL while its attack keeps the target's CPU busy with marked workers: the next
/// drills run (or drills serve start) on that data directory kills the workers, rolls the target back and closes
/// the old run as aborted with a cleanup record naming what it removed.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class CrashCleanupCliTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly RealDrillHarness _h = new();

    [Fact]
    public async Task Drills_run_after_a_crash_during_the_pressure_kills_the_marked_workers_rolls_back_and_records_the_cleanup()
    {
        const string name = "drills-test-sf-crash-run";
        var (file, killed) = await KilledDuringPressureAsync(name, 19201);

        var next = await CliProcess.RunAsync("run", "quick", "--file", file, "--data-dir", _h.Folder);

        Assert.True(next.ExitCode == ExitCodes.Passed, next.Stderr);
        Assert.Contains($"Interrupted run {killed}", next.Stderr, StringComparison.Ordinal);
        Assert.Contains("left behind and removed: process", next.Stderr.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        await AssertReleasedAndRolledBackAsync(name, killed);
    }

    [Fact]
    public async Task Drills_serve_start_after_a_crash_during_the_pressure_kills_the_marked_workers_rolls_back_and_records_the_cleanup()
    {
        const string name = "drills-test-sf-crash-serve";
        var (file, killed) = await KilledDuringPressureAsync(name, 19202);

        await using (var serve = ServeProcess.Start(_h.Folder, file))
        {
            await serve.WaitForAsync("closed as aborted", Minute);
            await serve.StopAsync(Minute);
        }

        await AssertReleasedAndRolledBackAsync(name, killed);
    }

    private async Task AssertReleasedAndRolledBackAsync(string name, string killed)
    {
        Assert.Empty(await MarkedAsync(name, killed));
        Assert.Equal(1, (await _h.ExecAsync(name, "test", "-e", $"/tmp/drills-run-{killed}")).ExitCode);
        var index = await _h.ExecAsync(name, "cat", "/srv/www/index.html");
        Assert.Contains("Cổng dịch vụ công", index.Stdout, StringComparison.Ordinal);
        var run = _h.Store.Find(killed)!;
        Assert.Equal((RunOutcome.Aborted, true), (run.Outcome, run.RolledBack));
        var cleanup = run.Cleanup!;
        Assert.True(cleanup.Clean, string.Join("; ", cleanup.Found));
        Assert.True(cleanup.Removed.Count(r => r.StartsWith("process ", StringComparison.Ordinal) && r.EndsWith($"in {name}", StringComparison.Ordinal)) >= 2,
            string.Join("; ", cleanup.Removed));
        Assert.Contains(run.Journal, e => e.Message == $"Cleanup before the rollback: found {cleanup.Found.Count} left behind, removed or repaired {cleanup.Removed.Count}");
    }

    /// <summary>Starts the drill, waits until its attack has started the marked workers, and kills drills with SIGKILL.</summary>
    private async Task<(string File, string RunId)> KilledDuringPressureAsync(string name, int port)
    {
        // A real exhaust attack: two marked CPU workers that outlive the process; the restore then waits long.
        const string pressure = "exhaust: { cpu: 2, for: 9m }";
        var yaml = Portal(name, port,
            Scenario("hog", pressure + Environment.NewLine + "      - deface: { path: /srv/www/index.html, content: \"<h1>Hacked</h1>\" }",
                RestoreSteps("wait: 5m", "restore-backup: baseline"), extra: "max_duration: 10m") +
            Environment.NewLine +
            Scenario("quick", "kill: {}", RestoreSteps("start: {}")));
        _h.Load(yaml);
        await _h.RemoveLeftoversAsync();
        var file = Path.Combine(_h.Folder, "scenarios.yaml");
        await File.WriteAllTextAsync(file, yaml, Encoding.UTF8);

        string runId;
        using (var first = CliProcess.Start("run", "hog", "--file", file, "--data-dir", _h.Folder))
        {
            await TestEngine.EventuallyAsync("the drill's attack has started its workers and it waits in its restore", TimeSpan.FromMinutes(2),
                () => Task.FromResult(_h.Store.ListRunning().Any(r => r.Journal.Any(e => e.Mark == JournalMark.RestoreStart))), CancellationToken.None);
            runId = _h.Store.ListRunning().Single().RunId;
        }

        // Disposing killed drills (SIGKILL): the workers keep burning the target's CPU and the run stays open.
        Assert.True((await MarkedAsync(name, runId)).Count >= 2);
        Assert.Equal(RunOutcome.Running, _h.Store.Find(runId)!.Outcome);
        return (file, runId);
    }

    /// <summary>The processes in the container whose argv carries the run's mark (read from /proc: the image has no ps).</summary>
    private async Task<List<string>> MarkedAsync(string name, string runId)
    {
        var all = await _h.ExecAsync(name, "sh", "-c", "for d in /proc/[0-9]*; do c=$(tr '\\000' ' ' < $d/cmdline 2>/dev/null) && echo \"${d#/proc/} $c\"; done");
        return all.Stdout.Split('\n').Where(l => l.Contains($"drills-run-{runId}", StringComparison.Ordinal)).ToList();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();
}
