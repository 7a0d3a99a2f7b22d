using System.Globalization;
using System.Text;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Tests.Orchestrator.Docker;
using Drills.Scenarios.RunRecords;
using Microsoft.Data.Sqlite;

using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>A drills run killed mid-drill never leaves its target attacked: the next drill of that system rolls it back first.</summary>
[Collection(DockerCollection.Name)]
public sealed class InterruptedRunCliTests : IAsyncLifetime
{
    private const string Name = "drills-test-run-killed";
    private readonly RealDrillHarness _h = new();

    [Fact]
    public async Task Drill_killed_during_its_attack_is_rolled_back_by_the_next_drills_run_before_it_drills()
    {
        var (file, killedRun) = await KilledMidDrillAsync();

        // Disposing kills the process tree with SIGKILL: the container stays defaced and the run stays "running".
        Assert.Contains("Hacked", (await _h.ExecAsync(Name, "cat", "/srv/www/index.html")).Stdout, StringComparison.Ordinal);
        var second = await CliProcess.RunAsync("run", "quick", "--file", file, "--data-dir", _h.Folder);

        Assert.True(second.ExitCode == ExitCodes.Passed, second.Stderr);
        Assert.Contains($"Interrupted run {killedRun}", second.Stderr, StringComparison.Ordinal);
        var recovered = _h.Store.Find(killedRun)!;
        Assert.Equal((RunOutcome.Aborted, InterruptedRun.Reason, true), (recovered.Outcome, recovered.AbortReason, recovered.RolledBack));
        var index = await _h.ExecAsync(Name, "cat", "/srv/www/index.html");
        Assert.Contains("Cổng dịch vụ công", index.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Hacked", index.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drill_killed_long_ago_is_not_rolled_back_without_confirmation_and_drills_recover_confirm_restores_it()
    {
        var (file, killedRun) = await KilledMidDrillAsync();
        // As if the machine had been off for two days after the crash: the baseline is older than the 24-hour bound.
        AgeBaseline(killedRun, TimeSpan.FromDays(2));

        var refused = await CliProcess.RunAsync("run", "quick", "--file", file, "--data-dir", _h.Folder);
        var unconfirmed = await CliProcess.RunAsync("recover", killedRun, "--data-dir", _h.Folder);

        Assert.True(refused.ExitCode == ExitCodes.Environment, refused.Stderr);
        Assert.Contains("not restored without an operator", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains($"drills recover {killedRun} --confirm", refused.Stderr.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Environment, unconfirmed.ExitCode);
        Assert.Equal(RunOutcome.Running, _h.Store.Find(killedRun)!.Outcome);
        Assert.Contains("Hacked", (await _h.ExecAsync(Name, "cat", "/srv/www/index.html")).Stdout, StringComparison.Ordinal);

        var confirmed = await CliProcess.RunAsync("recover", killedRun, "--confirm", "--data-dir", _h.Folder);

        Assert.True(confirmed.ExitCode == ExitCodes.Passed, confirmed.Stderr);
        var recovered = _h.Store.Find(killedRun)!;
        Assert.Equal((RunOutcome.Aborted, true), (recovered.Outcome, recovered.RolledBack));
        Assert.DoesNotContain("Hacked", (await _h.ExecAsync(Name, "cat", "/srv/www/index.html")).Stdout, StringComparison.Ordinal);
        var next = await CliProcess.RunAsync("run", "quick", "--file", file, "--data-dir", _h.Folder);
        Assert.True(next.ExitCode == ExitCodes.Passed, next.Stderr);
    }

    private void AgeBaseline(string runId, TimeSpan by)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_h.Folder, "drills.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE journal SET ts_utc = $ts WHERE run_id = $id AND mark = 'Baseline'";
        command.Parameters.AddWithValue("$ts", (DateTimeOffset.UtcNow - by).ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$id", runId);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    /// <summary>Starts the slow drill, waits until it has attacked, and kills it with SIGKILL; returns the file and the run left open.</summary>
    private async Task<(string File, string RunId)> KilledMidDrillAsync()
    {
        var yaml = Portal(Name, 18196,
            Scenario("slow-restore", "deface: { path: /srv/www/index.html, content: \"<h1>Hacked</h1>\" }",
                RestoreSteps("wait: 5m", "restore-backup: baseline"), extra: "max_duration: 10m") +
            Environment.NewLine +
            Scenario("quick", "kill: {}", RestoreSteps("start: {}")));
        _h.Load(yaml);
        await _h.RemoveLeftoversAsync();
        var file = Path.Combine(_h.Folder, "scenarios.yaml");
        await File.WriteAllTextAsync(file, yaml, Encoding.UTF8);

        using (var first = CliProcess.Start("run", "slow-restore", "--file", file, "--data-dir", _h.Folder))
        {
            await TestEngine.EventuallyAsync("the first drill has attacked and waits in its restore", TimeSpan.FromMinutes(2),
                () => Task.FromResult(_h.Store.ListRunning().Any(r => r.Journal.Any(e => e.Mark == JournalMark.RestoreStart))), CancellationToken.None);
            return (file, _h.Store.ListRunning().Single().RunId);
        }

    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();
}
