using Drills.Orchestrator.Docker;

namespace Drills.Orchestrator.Tests.Support;

/// <summary>Labelled listing, networks and exec with environment, for the cleanup scan.</summary>
internal sealed partial class FakeContainerRuntime
{
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
            IReadOnlyList<NetworkInfo> found = [.. NamedNetworks.Values.Where(n => n.Labels.TryGetValue(key, out var v) && v == value)];
            return Task.FromResult(found);
        }
    }

    public Task RemoveNetworkAsync(string networkId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Calls.Add($"remove network {networkId}");
            foreach (var name in NamedNetworks.Where(n => n.Value.Id == networkId || n.Key == networkId).Select(n => n.Key).ToList())
            {
                NamedNetworks.Remove(name);
            }

            return Task.CompletedTask;
        }
    }

    public Task<ExecResult> ExecWithEnvironmentAsync(string containerId, IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        LastExecEnvironment = environment;
        return ExecAsync(containerId, command, cancellationToken);
    }
}
