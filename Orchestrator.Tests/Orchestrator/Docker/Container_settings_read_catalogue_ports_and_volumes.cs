using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Tests.Orchestrator.Docker;

public sealed class Container_settings_read_catalogue_ports_and_volumes
{
    private static ContainerSpec Spec(string[] ports, string[] volumes, string[] command) =>
        new("drills/portal:1", "drills-citizen-portal", ports, volumes, new Dictionary<string, string> { ["A"] = "1" }, command);

    [Fact]
    public void A_catalogue_port_binds_the_host_address_and_port_to_the_container_tcp_port()
    {
        var parameters = ContainerSettings.ToCreateParameters(
            Spec(["127.0.0.1:18080:8080"], ["drills-portal-data:/srv/www"], []), new Dictionary<string, string>());

        var binding = Assert.Single(parameters.HostConfig!.PortBindings["8080/tcp"]);
        Assert.Equal("127.0.0.1", binding.HostIP);
        Assert.Equal("18080", binding.HostPort);
        Assert.Contains("8080/tcp", parameters.ExposedPorts!.Keys);
        Assert.Equal(["drills-portal-data:/srv/www"], parameters.HostConfig.Binds);
        Assert.Equal(["A=1"], parameters.Env);
    }

    [Fact]
    public void A_port_without_host_address_binds_loopback_only()
    {
        var port = ContainerSettings.ParsePort("15432:5432", "db");

        Assert.Equal(new PublishedPort("127.0.0.1", "15432", "5432/tcp"), port);
    }

    [Fact]
    public void An_empty_command_keeps_the_image_command()
    {
        var parameters = ContainerSettings.ToCreateParameters(Spec([], [], []), new Dictionary<string, string>());

        Assert.Null(parameters.Cmd);
    }

    [Theory]
    [InlineData("8080")]
    [InlineData("127.0.0.1:http:8080")]
    [InlineData("127.0.0.1:18080:99999")]
    [InlineData("127.0.0.1:18080:8080/sctp")]
    public void A_malformed_port_is_refused_with_an_example_of_the_right_form(string port)
    {
        var error = Assert.Throws<DockerOperationException>(() => ContainerSettings.ParsePort(port, "drills-citizen-portal"));

        Assert.Contains(port, error.Message);
        Assert.Contains("127.0.0.1:18080:8080", error.Message);
    }

    [Theory]
    [InlineData("drills-portal-data")]
    [InlineData("drills-portal-data:srv/www")]
    [InlineData("drills-portal-data:/srv/www:rx")]
    [InlineData("/etc:/srv/www")]
    [InlineData("/var/run/docker.sock:/var/run/docker.sock")]
    [InlineData("./site:/srv/www")]
    public void A_malformed_volume_is_refused_with_an_example_of_the_right_form(string volume)
    {
        var error = Assert.Throws<DockerOperationException>(() => ContainerSettings.ValidateVolume(volume, "drills-citizen-portal"));

        Assert.Contains("drills-portal-data:/srv/www", error.Message);
    }

    [Theory]
    [InlineData("running", nameof(ContainerStatus.Running))]
    [InlineData("paused", nameof(ContainerStatus.Paused))]
    [InlineData("exited", nameof(ContainerStatus.Exited))]
    [InlineData("created", nameof(ContainerStatus.Created))]
    [InlineData("something-new", nameof(ContainerStatus.Dead))]
    public void Engine_state_words_map_to_the_drill_statuses(string word, string expected)
    {
        Assert.Equal(expected, ContainerInspection.ParseStatus(word).ToString());
    }
}
