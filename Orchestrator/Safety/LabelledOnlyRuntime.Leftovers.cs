using Drills.Orchestrator.Docker;

namespace Drills.Orchestrator.Safety;

/// <summary>
/// The cleanup scan's calls: listing is free, removing a container or network needs the <see cref="RunMarks.Label"/>
/// label (drills made it for a run), and connecting goes through the network rules of the main file.
/// </summary>
internal sealed partial class LabelledOnlyRuntime
{
    public Task<IReadOnlyList<ContainerInfo>> ContainersLabelledAsync(string key, string value, CancellationToken cancellationToken) =>
        inner.ContainersLabelledAsync(key, value, cancellationToken);

    public Task<IReadOnlyList<NetworkInfo>> NetworksLabelledAsync(string key, string value, CancellationToken cancellationToken) =>
        inner.NetworksLabelledAsync(key, value, cancellationToken);

    public async Task RemoveNetworkAsync(string networkId, CancellationToken cancellationToken)
    {
        var network = await inner.InspectNetworkAsync(networkId, cancellationToken);
        if (network is null)
        {
            return;
        }

        if (!network.Labels.TryGetValue(RunMarks.Label, out var run) || run.Length == 0)
        {
            throw new TargetRefusedException(
                $"Refusing to remove network '{network.Name}': it carries no {RunMarks.Label} label, so drills did not create it for a run.",
                "remove only networks drills created for a run; the system's own network is kept");
        }

        await inner.RemoveNetworkAsync(network.Id, cancellationToken);
    }

    public async Task<ExecResult> ExecWithEnvironmentAsync(string containerId, IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        await VetAsync(containerId, cancellationToken);
        return await inner.ExecWithEnvironmentAsync(containerId, command, environment, cancellationToken);
    }

    /// <summary>A container drills created for a run (labelled so) and not standing for a system: removable without further vetting.</summary>
    private async Task<bool> IsRunHelperAsync(string containerId, CancellationToken cancellationToken)
    {
        if (_vetted.ContainsKey(containerId))
        {
            return false;
        }

        var info = await inner.InspectAsync(containerId, cancellationToken);
        return info.Labels.TryGetValue(RunMarks.Label, out var run) && run.Length > 0 && !info.Labels.ContainsKey(TargetLabels.Target);
    }
}
