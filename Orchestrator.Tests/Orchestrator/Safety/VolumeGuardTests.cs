using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Tests.Support;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Tests.Orchestrator.Safety;

public sealed class VolumeGuardTests
{
    private const string Volume = "drills-portal-data";
    private readonly FakeContainerRuntime _engine = new();

    private static SystemDefinition PortalWithVolume()
    {
        var portal = TestCatalogues.Portal();
        return portal with { Container = portal.Container with { Volumes = [$"{Volume}:/srv/www"] } };
    }

    private static Dictionary<string, string> NoOptions => new();

    [Fact]
    public async Task Missing_declared_volume_is_created_labelled_for_the_system_before_the_container()
    {
        var guard = new TargetGuard(new LabelledOnlyRuntime(_engine, "portal"));

        await guard.ResolveAsync(PortalWithVolume(), recreates: false, CancellationToken.None);

        Assert.Equal([$"create volume {Volume}", $"create {TestCatalogues.PortalName}"], _engine.Calls.Take(2));
        Assert.Equal("portal", _engine.NamedVolumes[Volume].Labels[TargetLabels.Target]);
        Assert.Equal("true", _engine.NamedVolumes[Volume].Labels[TargetLabels.Managed]);
    }

    [Fact]
    public async Task Existing_unlabelled_volume_is_refused_and_nothing_is_created()
    {
        _engine.NamedVolumes[Volume] = new VolumeInfo(Volume, "local", new Dictionary<string, string>(), NoOptions);
        var guard = new TargetGuard(new LabelledOnlyRuntime(_engine, "portal"));

        var refused = await Assert.ThrowsAsync<TargetRefusedException>(() => guard.ResolveAsync(PortalWithVolume(), recreates: false, CancellationToken.None));

        Assert.Contains("exists without the drills.target label", refused.Problem, StringComparison.Ordinal);
        Assert.Equal(3, refused.ExitCode);
        Assert.Empty(_engine.Calls);
    }

    [Fact]
    public async Task Volume_labelled_for_another_system_is_refused()
    {
        _engine.NamedVolumes[Volume] = new VolumeInfo(Volume, "local", TargetLabels.For("records-db"), NoOptions);
        var guard = new TargetGuard(new LabelledOnlyRuntime(_engine, "portal"));

        var refused = await Assert.ThrowsAsync<TargetRefusedException>(() => guard.ResolveAsync(PortalWithVolume(), recreates: false, CancellationToken.None));

        Assert.Contains("drills.target=records-db", refused.Problem, StringComparison.Ordinal);
        Assert.Empty(_engine.Calls);
    }

    [Theory]
    [InlineData("o", "bind", "device", "/srv/production")]
    [InlineData("type", "none", "device", "/srv/production")]
    [InlineData("o", "rw,bind", "device", "/srv/production")]
    public async Task Labelled_volume_that_binds_a_host_folder_is_refused(string key1, string value1, string key2, string value2)
    {
        var options = new Dictionary<string, string> { [key1] = value1, [key2] = value2 };
        _engine.NamedVolumes[Volume] = new VolumeInfo(Volume, "local", TargetLabels.For("portal"), options);
        var guard = new TargetGuard(new LabelledOnlyRuntime(_engine, "portal"));

        var refused = await Assert.ThrowsAsync<TargetRefusedException>(() => guard.ResolveAsync(PortalWithVolume(), recreates: false, CancellationToken.None));

        Assert.Contains("host folder under a volume name", refused.Problem, StringComparison.Ordinal);
        Assert.Empty(_engine.Calls);
    }

    [Fact]
    public async Task Labelled_volume_mounted_by_a_container_of_something_else_is_refused()
    {
        _engine.NamedVolumes[Volume] = new VolumeInfo(Volume, "local", TargetLabels.For("portal"), NoOptions);
        var stranger = _engine.Add("agency-production-portal", new Dictionary<string, string>(), volumes: [$"{Volume}:/var/www"]);
        var guard = new TargetGuard(new LabelledOnlyRuntime(_engine, "portal"));

        var refused = await Assert.ThrowsAsync<TargetRefusedException>(() => guard.ResolveAsync(PortalWithVolume(), recreates: false, CancellationToken.None));

        Assert.Contains("container 'agency-production-portal' mounts it", refused.Problem, StringComparison.Ordinal);
        Assert.Empty(_engine.Calls);
        Assert.Equal(ContainerStatus.Running, stranger.Status);
    }

    [Fact]
    public async Task Existing_target_mounting_an_undeclared_foreign_volume_is_refused()
    {
        _engine.NamedVolumes["production-db_pgdata"] = new VolumeInfo("production-db_pgdata", "local", new Dictionary<string, string>(), NoOptions);
        _engine.Add(TestCatalogues.PortalName, TargetLabels.For("portal"), volumes: ["production-db_pgdata:/var/lib/postgresql/data"]);
        var guard = new TargetGuard(new LabelledOnlyRuntime(_engine, "portal"));

        var refused = await Assert.ThrowsAsync<TargetRefusedException>(() => guard.ResolveAsync(TestCatalogues.Portal(), recreates: false, CancellationToken.None));

        Assert.Contains("production-db_pgdata", refused.Problem, StringComparison.Ordinal);
        Assert.Empty(_engine.Calls);
    }

    [Fact]
    public async Task Volume_drills_created_for_the_system_and_mounted_only_by_its_copy_is_used()
    {
        _engine.NamedVolumes[Volume] = new VolumeInfo(Volume, "local", TargetLabels.For("portal"), NoOptions);
        _engine.Add(TestCatalogues.PortalName, TargetLabels.For("portal"), volumes: [$"{Volume}:/srv/www"]);
        var guard = new TargetGuard(new LabelledOnlyRuntime(_engine, "portal"));

        var target = await guard.ResolveAsync(PortalWithVolume(), recreates: false, CancellationToken.None);

        Assert.False(target.CreatedByDrill);
        Assert.DoesNotContain(_engine.Calls, c => c.StartsWith("create", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refusals_never_advise_labelling_an_existing_container_or_volume()
    {
        _engine.NamedVolumes[Volume] = new VolumeInfo(Volume, "local", new Dictionary<string, string>(), NoOptions);
        var guard = new TargetGuard(new LabelledOnlyRuntime(_engine, "portal"));

        var refused = await Assert.ThrowsAsync<TargetRefusedException>(() => guard.ResolveAsync(PortalWithVolume(), recreates: false, CancellationToken.None));

        Assert.DoesNotContain("--label", refused.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("label the", refused.Fix, StringComparison.OrdinalIgnoreCase);
    }
}
