using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Tests.Orchestrator.Safety;

public sealed class ContainerDriftTests
{
    private static readonly ContainerSpec Declared = new("drills/portal:1", "drills-portal", ["127.0.0.1:18080:8080"],
        ["drills-portal-data:/srv/www:rw"], new Dictionary<string, string>(), []);

    private static ContainerInfo Actual(string image = "drills/portal:1", string port = "127.0.0.1:18080:8080", string volume = "drills-portal-data:/srv/www") =>
        new("id", "drills-portal", image, null, ContainerStatus.Running, null, new Dictionary<string, string>(), [port], [volume]);

    [Fact]
    public void Container_created_from_the_declared_settings_has_no_drift() =>
        Assert.Empty(ContainerDrift.Between(Declared, Actual()));

    [Fact]
    public void Another_image_port_or_volume_is_each_named()
    {
        var drift = ContainerDrift.Between(Declared, Actual("drills/portal:0", "127.0.0.1:18081:8080", "old-data:/srv/www"));

        Assert.Equal(3, drift.Count);
        Assert.Contains(drift, d => d.StartsWith("image drills/portal:0", StringComparison.Ordinal));
        Assert.Contains(drift, d => d.Contains("127.0.0.1:18081:8080", StringComparison.Ordinal));
        Assert.Contains(drift, d => d.Contains("old-data:/srv/www", StringComparison.Ordinal));
    }
}
