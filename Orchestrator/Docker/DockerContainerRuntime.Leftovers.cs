using Docker.DotNet.Models;

namespace Drills.Orchestrator.Docker;

/// <summary>Labelled leftovers and network repairs, for the cleanup scan after a run.</summary>
internal sealed partial class DockerContainerRuntime
{
    public async Task<IReadOnlyList<ContainerInfo>> ContainersLabelledAsync(string key, string value, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var listed = await ListContainersAsync(new DockerCall("list containers labelled", $"{key}={value}"), "label", $"{key}={value}", cancellationToken);
        _logger.Debug("{Count} containers labelled {Key}={Value} ({Elapsed})", listed.Count, key, value, Elapsed(started));
        return listed
            .Select(c => new ContainerInfo(c.ID, c.Names.FirstOrDefault()?.TrimStart('/') ?? c.ID, c.Image, null,
                ContainerInspection.ParseStatus(c.State), null, new Dictionary<string, string>(c.Labels ?? new Dictionary<string, string>())))
            .ToList();
    }

    public async Task<IReadOnlyList<NetworkInfo>> NetworksLabelledAsync(string key, string value, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var parameters = new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{key}={value}"] = true } },
        };
        var listed = await CallAsync(
            new DockerCall("list networks labelled", $"{key}={value}"),
            () => _client.Networks.ListNetworksAsync(parameters, cancellationToken),
            cancellationToken);
        _logger.Debug("{Count} networks labelled {Key}={Value} ({Elapsed})", listed.Count, key, value, Elapsed(started));
        return listed.Select(ToInfo).ToList();
    }

    public async Task RemoveNetworkAsync(string networkId, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        await CallAsync(
            new DockerCall("remove network", networkId),
            () => _client.Networks.DeleteNetworkAsync(networkId, cancellationToken),
            cancellationToken);
        _logger.Debug("Removed network {Network} in {Elapsed}", networkId, Elapsed(started));
    }

    private static NetworkInfo ToInfo(NetworkResponse network) =>
        new(network.ID, network.Name, network.Driver ?? "", new Dictionary<string, string>(network.Labels ?? new Dictionary<string, string>()));
}
