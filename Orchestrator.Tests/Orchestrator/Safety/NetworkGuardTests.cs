using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Tests.Support;

namespace Drills.Orchestrator.Tests.Orchestrator.Safety;

public sealed class NetworkGuardTests
{
    private readonly FakeContainerRuntime _engine = new();

    [Fact]
    public async Task A_new_container_is_created_on_the_systems_network_alone_and_the_network_is_labelled()
    {
        var system = TestCatalogues.Portal() with { Network = "portal-net" };

        var id = await new TargetGuard(new LabelledOnlyRuntime(_engine, system.Id)).DeployAsync(system, CancellationToken.None);

        Assert.Equal(system.Id, _engine.NamedNetworks["portal-net"].Labels[TargetLabels.Target]);
        Assert.Equal(["portal-net"], (await _engine.InspectAsync(id, CancellationToken.None)).Networks!.Select(n => n.Network));
    }

    [Fact]
    public async Task A_network_of_that_name_drills_did_not_label_is_refused_and_left_alone()
    {
        _engine.NamedNetworks["portal-net"] = new NetworkInfo("n1", "portal-net", "bridge", new Dictionary<string, string>());
        var system = TestCatalogues.Portal() with { Network = "portal-net" };

        var refused = await Assert.ThrowsAsync<TargetRefusedException>(
            () => new TargetGuard(new LabelledOnlyRuntime(_engine, system.Id)).DeployAsync(system, CancellationToken.None));

        Assert.Contains("network 'portal-net'", refused.Problem, StringComparison.Ordinal);
        Assert.Contains("docker network ls", refused.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(_engine.Calls, c => c.StartsWith("create", StringComparison.Ordinal) || c.StartsWith("connect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_existing_container_drills_created_is_moved_onto_the_systems_network()
    {
        var system = TestCatalogues.Portal() with { Network = "portal-net" };
        var existing = _engine.Add(system.Container.Name, TargetLabels.For(system.Id));

        var target = await new TargetGuard(new LabelledOnlyRuntime(_engine, system.Id)).ResolveAsync(system, recreates: false, CancellationToken.None);

        Assert.Equal(["portal-net"], existing.Networks.Select(n => n.Network));
        Assert.Contains("taken off bridge", target.NetworkNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_container_cannot_be_connected_to_another_systems_network()
    {
        var target = _engine.Add("drills-portal", TargetLabels.For("portal"));
        _engine.NamedNetworks["records-net"] = new NetworkInfo("n2", "records-net", "bridge", new Dictionary<string, string> { [TargetLabels.Target] = "records" });

        await Assert.ThrowsAsync<TargetRefusedException>(
            () => new LabelledOnlyRuntime(_engine, "portal").ConnectNetworkAsync(target.Id, NetworkAttachment.Plain("records-net"), CancellationToken.None));

        Assert.DoesNotContain(_engine.Calls, c => c.StartsWith("connect", StringComparison.Ordinal));
    }
}
