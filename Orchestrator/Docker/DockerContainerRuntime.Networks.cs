using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Drills.Orchestrator.Docker;

/// <summary>User-defined networks: inspect, create, and attaching a container to one or cutting it off.</summary>
internal sealed partial class DockerContainerRuntime
{
    public async Task<NetworkInfo?> InspectNetworkAsync(string name, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var network = await CallAsync(
            new DockerCall("inspect network", name),
            async () =>
            {
                try
                {
                    return await _client.Networks.InspectNetworkAsync(name, cancellationToken);
                }
                catch (DockerApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }
            },
            cancellationToken);
        // The engine also matches an id prefix: only the network of exactly this name counts.
        if (network is not null && network.Name != name && network.ID != name)
        {
            network = null;
        }

        _logger.Debug("Inspected network {Network}: {Found} in {Elapsed}", name, network is null ? "none" : network.Driver, Elapsed(started));
        return network is null
            ? null
            : new NetworkInfo(network.ID, network.Name, network.Driver ?? "", new Dictionary<string, string>(network.Labels ?? new Dictionary<string, string>()));
    }

    public async Task CreateNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        // A plain bridge network on this host: published ports keep working through it.
        var parameters = new NetworksCreateParameters { Name = name, Driver = "bridge", Labels = labels.ToDictionary(l => l.Key, l => l.Value) };
        await CallAsync(
            new DockerCall("create network", name),
            () => _client.Networks.CreateNetworkAsync(parameters, cancellationToken),
            cancellationToken);
        _logger.Debug("Created network {Network} in {Elapsed}", name, Elapsed(started));
    }

    public async Task ConnectNetworkAsync(string containerId, NetworkAttachment attachment, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var settings = new EndpointSettings { Aliases = attachment.Aliases.ToList() };
        if (attachment.IPv4Address is not null || attachment.IPv6Address is not null)
        {
            settings.IPAMConfig = new EndpointIPAMConfig { IPv4Address = attachment.IPv4Address ?? "", IPv6Address = attachment.IPv6Address ?? "" };
        }

        await CallAsync(
            new DockerCall("connect to network", $"{ShortId(containerId)} to {attachment.Network}"),
            () => _client.Networks.ConnectNetworkAsync(attachment.Network, new NetworkConnectParameters { Container = containerId, EndpointConfig = settings }, cancellationToken),
            cancellationToken);
        _logger.Debug("Connected {Container} to network {Network} in {Elapsed}", ShortId(containerId), attachment.Network, Elapsed(started));
    }

    public async Task DisconnectNetworkAsync(string containerId, string network, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        await CallAsync(
            new DockerCall("disconnect from network", $"{ShortId(containerId)} from {network}"),
            () => _client.Networks.DisconnectNetworkAsync(network, new NetworkDisconnectParameters { Container = containerId, Force = true }, cancellationToken),
            cancellationToken);
        _logger.Debug("Disconnected {Container} from network {Network} in {Elapsed}", ShortId(containerId), network, Elapsed(started));
    }
}
