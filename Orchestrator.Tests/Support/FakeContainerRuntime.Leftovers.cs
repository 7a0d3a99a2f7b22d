using Drills.Orchestrator.Docker;

namespace Drills.Orchestrator.Tests.Support;

/// <summary>Labelled listing, networks and exec with environment, for the cleanup scan.</summary>
internal sealed partial class FakeContainerRuntime
{
    /// <summary>Networks by name, with the names of the containers attached.</summary>
    public Dictionary<string, (IReadOnlyDictionary<string, string> Labels, HashSet<string> Containers)> Networks { get; } = new(StringComparer.Ordinal);

    /// <summary>The environment of the last exec that passed one.</summary>
    public IReadOnlyDictionary<string, string>? LastExecEnvironment { get; private set; }

    public Task<IReadOnlyList<ContainerInfo>> ContainersLabelledAsync(string key, string value, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ContainerInfo> found = _containers.Values.Select(c => c.Info())
                .Where(i => i.Labels.TryGetValue(key, out var v) && v == value).ToList();
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyList<NetworkInfo>> NetworksLabelledAsync(string key, string value, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<NetworkInfo> found = Networks.Where(n => n.Value.Labels.TryGetValue(key, out var v) && v == value)
                .Select(n => NetworkOf(n.Key)).ToList();
            return Task.FromResult(found);
        }
    }

    public Task<NetworkInfo?> InspectNetworkAsync(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Networks.ContainsKey(name) ? NetworkOf(name) : null);
        }
    }

    public Task RemoveNetworkAsync(string networkId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Calls.Add($"remove network {networkId}");
            Networks.Remove(networkId);
            return Task.CompletedTask;
        }
    }

    public Task ConnectNetworkAsync(string network, string containerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var container = Get(containerId);
            Calls.Add($"connect {container.Name} to {network}");
            Networks[network].Containers.Add(container.Name);
            return Task.CompletedTask;
        }
    }

    public Task<ExecResult> ExecWithEnvironmentAsync(string containerId, IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        LastExecEnvironment = environment;
        return ExecAsync(containerId, command, cancellationToken);
    }

    private NetworkInfo NetworkOf(string name)
    {
        var (labels, attached) = Networks[name];
        return new NetworkInfo(name, name, labels, [.. _containers.Values.Where(c => attached.Contains(c.Name)).Select(c => c.Id)]);
    }
}
