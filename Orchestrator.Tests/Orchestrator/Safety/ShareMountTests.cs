using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Tests.Support;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Tests.Orchestrator.Safety;

/// <summary>A container made before its system declared a backup share must not keep the share inside itself.</summary>
public sealed class ShareMountTests
{
    private readonly FakeContainerRuntime _runtime = new();

    private static SystemDefinition WithShare()
    {
        var portal = TestCatalogues.Portal();
        return portal with
        {
            Container = portal.Container with { Volumes = ["portal-data:/srv/www", "portal-backups:/backups"] },
            Backup = new BackupSpec(BackupMethod.Files, [], [], null, 10, "/backups", SourceLocation.None),
        };
    }

    [Fact]
    public async Task A_container_drills_created_without_the_share_volume_is_recreated_with_it()
    {
        _runtime.Add(TestCatalogues.PortalName, TargetLabels.For("portal"), volumes: ["portal-data:/srv/www"]);

        var target = await new TargetGuard(_runtime).ResolveAsync(WithShare(), recreates: false, CancellationToken.None);

        Assert.Contains($"remove {TestCatalogues.PortalName}", _runtime.Calls);
        Assert.Contains("portal-backups:/backups", (await _runtime.InspectAsync(target.ContainerId, CancellationToken.None)).Volumes!);
    }

    [Fact]
    public async Task A_container_drills_did_not_create_is_refused_naming_the_share_and_the_fix()
    {
        _runtime.Add(TestCatalogues.PortalName, new Dictionary<string, string> { [TargetLabels.Target] = "portal" }, volumes: ["portal-data:/srv/www"]);

        var refused = await Assert.ThrowsAsync<TargetRefusedException>(() => new TargetGuard(_runtime).ResolveAsync(WithShare(), recreates: false, CancellationToken.None));

        Assert.Contains("/backups", refused.Problem, StringComparison.Ordinal);
        Assert.Contains("docker rm -f", refused.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(_runtime.Calls, c => c.StartsWith("remove", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_container_that_mounts_the_share_volume_is_used_as_it_is()
    {
        var existing = _runtime.Add(TestCatalogues.PortalName, TargetLabels.For("portal"), volumes: ["portal-data:/srv/www", "portal-backups:/backups"]);

        var target = await new TargetGuard(_runtime).ResolveAsync(WithShare(), recreates: false, CancellationToken.None);

        Assert.Equal(existing.Id, target.ContainerId);
    }
}
