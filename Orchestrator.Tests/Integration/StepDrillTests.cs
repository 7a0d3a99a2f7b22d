using Drills.Orchestrator.Engine;
using Drills.Scenarios.RunRecords;

using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>Each attack step really breaks the sample portal (a check fails) and each restore step really brings it back.</summary>
[Collection(DockerCollection.Name)]
public sealed class StepDrillTests : IAsyncLifetime
{
    private const string Name = "drills-test-steps-portal";
    private const int Port = 18181;
    private readonly RealDrillHarness _h = new();

    public static TheoryData<string, string, string, string> Pairs => new()
    {
        { "kill", "kill: { signal: SIGKILL }", RestoreSteps("wait: 1s", "start: {}"), "[checks, integrity]" },
        { "stop", "stop: { timeout: 5s }", RestoreSteps("start: {}"), "[checks, integrity]" },
        { "pause", "pause: {}", RestoreSteps("unpause: {}"), "[checks, integrity]" },
        { "remove", "remove: {}", RestoreSteps("redeploy: {}"), "[checks, integrity]" },
        { "restart", "kill: {}", RestoreSteps("restart: {}"), "[checks]" },
        { "encrypt", "encrypt-files: { paths: [/srv/www] }", RestoreSteps("restore-backup: baseline", "restart: {}"), "[checks, integrity]" },
        { "wipe", "delete-files: { paths: [/srv/www] }", RestoreSteps("restore-backup: baseline"), "[checks, integrity]" },
        { "deface", "deface: { path: /srv/www/index.html, content: \"<h1>Hacked</h1>\" }", RestoreSteps("restore-backup: latest"), "[checks, integrity]" },
        { "exec", "exec: [\"mv\", \"/srv/www/index.html\", \"/srv/www/index.bak\"]", RestoreSteps("exec: [\"mv\", \"/srv/www/index.bak\", \"/srv/www/index.html\"]"), "[checks, integrity]" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Attack_step_breaks_the_portal_and_restore_step_brings_it_back(string id, string attack, string restore, string verify)
    {
        var catalogue = _h.Load(Portal(Name, Port, Scenario(id, attack, restore, verify)));

        var result = await _h.RunAsync(catalogue, id);

        Assert.True(result.Record.ImpactObserved, $"no check failed after '{attack}'");
        Assert.Contains(result.Record.Checks, c => c.Phase == "attack" && !c.Passed);
        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.Equal(RunOutcome.Passed, result.Record.Outcome);
        Assert.All(result.Record.Steps, s => Assert.True(s.Succeeded, $"{s.Kind}: {s.Observation}"));
        Assert.NotNull(result.Record.RecoveryTime);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();
}
