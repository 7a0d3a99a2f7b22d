using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Tests.Support;

namespace Drills.Orchestrator.Tests.Orchestrator.Safety;

public sealed class LabelledOnlyRuntimeTests
{
    private readonly FakeContainerRuntime _engine = new();

    [Fact]
    public async Task Unlabelled_container_cannot_be_killed_entered_or_removed()
    {
        var stranger = _engine.Add("agency-production-db", new Dictionary<string, string>());
        var runtime = new LabelledOnlyRuntime(_engine, "portal");

        await Assert.ThrowsAsync<TargetRefusedException>(() => runtime.KillAsync(stranger.Id, "SIGKILL", CancellationToken.None));
        await Assert.ThrowsAsync<TargetRefusedException>(() => runtime.ExecAsync(stranger.Id, ["rm", "-rf", "/"], CancellationToken.None));
        await Assert.ThrowsAsync<TargetRefusedException>(() => runtime.RemoveAsync(stranger.Id, CancellationToken.None));

        Assert.Equal(ContainerStatus.Running, stranger.Status);
        Assert.DoesNotContain(_engine.Calls, c => c.Contains("agency-production-db", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Labelled_container_is_passed_through()
    {
        var target = _engine.Add("drills-portal", TargetLabels.For("portal"));
        var runtime = new LabelledOnlyRuntime(_engine, "portal");

        await runtime.KillAsync(target.Id, "SIGKILL", CancellationToken.None);

        Assert.Equal(ContainerStatus.Exited, target.Status);
    }

    [Fact]
    public async Task Creating_a_container_without_the_label_is_refused()
    {
        var runtime = new LabelledOnlyRuntime(_engine, "portal");
        var spec = TestCatalogues.Portal().Container;

        await Assert.ThrowsAsync<TargetRefusedException>(() => runtime.CreateAsync(spec, new Dictionary<string, string>(), CancellationToken.None));
    }

    [Fact]
    public async Task Container_labelled_for_another_system_cannot_be_killed_entered_or_removed()
    {
        var other = _engine.Add("drills-records-db", TargetLabels.For("records-db"));
        var runtime = new LabelledOnlyRuntime(_engine, "portal");

        var refused = await Assert.ThrowsAsync<TargetRefusedException>(() => runtime.KillAsync(other.Id, "SIGKILL", CancellationToken.None));
        await Assert.ThrowsAsync<TargetRefusedException>(() => runtime.ExecAsync(other.Id, ["rm", "-rf", "/"], CancellationToken.None));
        await Assert.ThrowsAsync<TargetRefusedException>(() => runtime.RemoveAsync(other.Id, CancellationToken.None));

        Assert.Contains("drills.target=records-db, not portal", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ContainerStatus.Running, other.Status);
        Assert.Empty(_engine.Calls);
    }

    [Fact]
    public async Task Creating_a_container_labelled_for_another_system_is_refused()
    {
        var runtime = new LabelledOnlyRuntime(_engine, "portal");
        var spec = TestCatalogues.Portal().Container;

        await Assert.ThrowsAsync<TargetRefusedException>(() => runtime.CreateAsync(spec, TargetLabels.For("records-db"), CancellationToken.None));

        Assert.Empty(_engine.Calls);
    }

    [Fact]
    public async Task Unbound_runtime_changes_no_container_even_a_labelled_one()
    {
        var target = _engine.Add("drills-portal", TargetLabels.For("portal"));
        var runtime = new LabelledOnlyRuntime(_engine);

        await Assert.ThrowsAsync<TargetRefusedException>(() => runtime.KillAsync(target.Id, "SIGKILL", CancellationToken.None));

        Assert.Equal(ContainerStatus.Running, target.Status);
    }
}
