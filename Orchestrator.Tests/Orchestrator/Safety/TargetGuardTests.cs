using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Tests.Support;

namespace Drills.Orchestrator.Tests.Orchestrator.Safety;

public sealed class TargetGuardTests
{
    private static readonly Dictionary<string, string> LabelledNotManaged = new() { [TargetLabels.Target] = "portal" };
    private readonly FakeContainerRuntime _engine = new();

    private static readonly Dictionary<string, HostAccess> Reaching = new()
    {
        ["a host folder mounted (/srv/production:/srv/www)"] = HostAccess.Confined with { BindMounts = ["/srv/production:/srv/www"] },
        ["the Docker socket mounted"] = HostAccess.Confined with { BindMounts = ["/var/run/docker.sock:/var/run/docker.sock"] },
        ["privileged mode"] = HostAccess.Confined with { Privileged = true },
        ["added capabilities (SYS_ADMIN)"] = HostAccess.Confined with { AddedCapabilities = ["SYS_ADMIN"] },
        ["the host's network"] = HostAccess.Confined with { NetworkMode = "host" },
        ["the host's process namespace"] = HostAccess.Confined with { PidMode = "host" },
    };

    public static TheoryData<string> HostReaching => [.. Reaching.Keys];

    [Theory]
    [MemberData(nameof(HostReaching))]
    public async Task Labelled_container_that_reaches_the_host_is_refused_and_left_alone(string breach)
    {
        var access = Reaching[breach];
        var container = _engine.Add(TestCatalogues.PortalName, TargetLabels.For("portal"), access: access);
        var guard = new TargetGuard(new LabelledOnlyRuntime(_engine, "portal"));

        var refused = await Assert.ThrowsAsync<TargetRefusedException>(() => guard.ResolveAsync(TestCatalogues.Portal(), recreates: false, CancellationToken.None));

        Assert.Contains(breach, refused.Problem, StringComparison.Ordinal);
        Assert.Equal(3, refused.ExitCode);
        Assert.DoesNotContain("label", refused.Fix, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_engine.Calls);
        Assert.Equal(ContainerStatus.Running, container.Status);
    }

    [Fact]
    public async Task Labelled_container_drills_did_not_create_is_refused_for_a_drill_that_redeploys_it()
    {
        _engine.Add(TestCatalogues.PortalName, LabelledNotManaged);
        var guard = new TargetGuard(new LabelledOnlyRuntime(_engine, "portal"));

        var refused = await Assert.ThrowsAsync<TargetRefusedException>(() => guard.ResolveAsync(TestCatalogues.Portal(), recreates: true, CancellationToken.None));

        Assert.Contains("drills did not create it", refused.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("--label", refused.Fix, StringComparison.Ordinal);
        Assert.Empty(_engine.Calls);
    }

    [Fact]
    public async Task Labelled_container_drills_did_not_create_may_be_drilled_in_place()
    {
        var container = _engine.Add(TestCatalogues.PortalName, LabelledNotManaged);
        var guard = new TargetGuard(new LabelledOnlyRuntime(_engine, "portal"));

        var target = await guard.ResolveAsync(TestCatalogues.Portal(), recreates: false, CancellationToken.None);

        Assert.Equal(container.Id, target.ContainerId);
    }

    [Fact]
    public async Task Label_guard_refuses_to_remove_a_labelled_container_drills_did_not_create()
    {
        var container = _engine.Add(TestCatalogues.PortalName, LabelledNotManaged);
        var runtime = new LabelledOnlyRuntime(_engine, "portal");

        await runtime.KillAsync(container.Id, "SIGKILL", CancellationToken.None);
        await Assert.ThrowsAsync<TargetRefusedException>(() => runtime.RemoveAsync(container.Id, CancellationToken.None));

        Assert.NotNull(_engine.ByName(TestCatalogues.PortalName));
        Assert.DoesNotContain(_engine.Calls, c => c.StartsWith("remove", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Container_of_the_systems_name_labelled_for_another_system_is_refused_without_advice_to_label_it()
    {
        _engine.Add(TestCatalogues.PortalName, TargetLabels.For("records-db"));
        var guard = new TargetGuard(new LabelledOnlyRuntime(_engine, "portal"));

        var refused = await Assert.ThrowsAsync<TargetRefusedException>(() => guard.ResolveAsync(TestCatalogues.Portal(), recreates: false, CancellationToken.None));

        Assert.Contains("drills.target=records-db", refused.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("label", refused.Fix, StringComparison.OrdinalIgnoreCase);
    }
}
