using System.Collections.Concurrent;
using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Safety;

/// <summary>
/// A second lock on the door: wraps the real runtime and refuses every call that changes or enters a
/// container unless that container carries <c>drills.target=&lt;the system being drilled&gt;</c>.
/// <see cref="TargetGuard"/> already vets the target before a drill; this makes a future bug unable to
/// touch anything else, including another system's drill copy. Unbound (no system), it refuses every change.
/// </summary>
internal sealed partial class LabelledOnlyRuntime(IContainerRuntime inner, string? systemId = null) : IContainerRuntime
{
    /// <summary>Ids already seen carrying the system's label, so each container is inspected once; the value says whether drills created it.</summary>
    private readonly ConcurrentDictionary<string, bool> _vetted = new(StringComparer.Ordinal);

    /// <summary>The same engine, allowed to act only on containers labelled for <paramref name="system"/>.</summary>
    public LabelledOnlyRuntime For(string system) => new(inner, system);

    public Task<string> PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

    public Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken) => inner.ImageExistsAsync(image, cancellationToken);

    public Task<ContainerInfo?> FindByNameAsync(string name, CancellationToken cancellationToken) => inner.FindByNameAsync(name, cancellationToken);

    public Task<ContainerInfo> InspectAsync(string containerId, CancellationToken cancellationToken) => inner.InspectAsync(containerId, cancellationToken);

    public async Task<string> CreateAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        labels.TryGetValue(TargetLabels.Target, out var label);
        if (systemId is null || !string.Equals(label, systemId, StringComparison.Ordinal))
        {
            throw new TargetRefusedException(
                $"Refusing to create container '{spec.Name}' {Without(label)}.",
                "create target containers only through the drill engine, which labels them for the system it drills");
        }

        var id = await inner.CreateAsync(spec, labels, cancellationToken);
        _vetted[id] = TargetLabels.IsManaged(labels);
        return id;
    }

    public async Task StartAsync(string containerId, CancellationToken cancellationToken)
    {
        await VetAsync(containerId, cancellationToken);
        await inner.StartAsync(containerId, cancellationToken);
    }

    public async Task StopAsync(string containerId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await VetAsync(containerId, cancellationToken);
        await inner.StopAsync(containerId, timeout, cancellationToken);
    }

    public async Task RestartAsync(string containerId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await VetAsync(containerId, cancellationToken);
        await inner.RestartAsync(containerId, timeout, cancellationToken);
    }

    public async Task KillAsync(string containerId, string signal, CancellationToken cancellationToken)
    {
        await VetAsync(containerId, cancellationToken);
        await inner.KillAsync(containerId, signal, cancellationToken);
    }

    public async Task PauseAsync(string containerId, CancellationToken cancellationToken)
    {
        await VetAsync(containerId, cancellationToken);
        await inner.PauseAsync(containerId, cancellationToken);
    }

    public async Task UnpauseAsync(string containerId, CancellationToken cancellationToken)
    {
        await VetAsync(containerId, cancellationToken);
        await inner.UnpauseAsync(containerId, cancellationToken);
    }

    public async Task RemoveAsync(string containerId, CancellationToken cancellationToken)
    {
        if (await IsRunHelperAsync(containerId, cancellationToken))
        {
            await inner.RemoveAsync(containerId, cancellationToken);
            return;
        }

        if (!await VetAsync(containerId, cancellationToken))
        {
            var info = await inner.InspectAsync(containerId, cancellationToken);
            throw new TargetRefusedException(
                $"Refusing to remove container '{info.Name}': drills did not create it (it carries no {TargetLabels.Managed}=true label).",
                "drill it with steps that keep the container, or change container.name in the catalogue so drills creates a copy it may remove");
        }

        await inner.RemoveAsync(containerId, cancellationToken);
        _vetted.TryRemove(containerId, out _);
    }

    public async Task<ExecResult> ExecAsync(string containerId, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        await VetAsync(containerId, cancellationToken);
        return await inner.ExecAsync(containerId, command, cancellationToken);
    }

    public async Task<(T Value, ExecResult Result)> ExecReadAsync<T>(
        string containerId, IReadOnlyList<string> command, ArchiveLimit limit, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await VetAsync(containerId, cancellationToken);
        return await inner.ExecReadAsync(containerId, command, limit, read, cancellationToken);
    }

    public async Task<ExecResult> ExecWithInputAsync(string containerId, IReadOnlyList<string> command, Stream input, CancellationToken cancellationToken)
    {
        await VetAsync(containerId, cancellationToken);
        return await inner.ExecWithInputAsync(containerId, command, input, cancellationToken);
    }

    public async Task<T> ReadArchiveAsync<T>(
        string containerId, string path, ArchiveLimit limit, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await VetAsync(containerId, cancellationToken);
        return await inner.ReadArchiveAsync(containerId, path, limit, read, cancellationToken);
    }

    public async Task CopyToAsync(string containerId, string directory, Stream tar, CancellationToken cancellationToken)
    {
        await VetAsync(containerId, cancellationToken);
        await inner.CopyToAsync(containerId, directory, tar, cancellationToken);
    }

    public Task<VolumeInfo?> InspectVolumeAsync(string name, CancellationToken cancellationToken) => inner.InspectVolumeAsync(name, cancellationToken);

    public Task<IReadOnlyList<ContainerInfo>> ContainersUsingVolumeAsync(string name, CancellationToken cancellationToken) =>
        inner.ContainersUsingVolumeAsync(name, cancellationToken);

    public async Task CreateVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        labels.TryGetValue(TargetLabels.Target, out var label);
        if (systemId is null || !string.Equals(label, systemId, StringComparison.Ordinal))
        {
            throw new TargetRefusedException(
                $"Refusing to create volume '{name}' {Without(label)}.",
                "create volumes only through the drill engine, which labels them for the system it drills");
        }

        await inner.CreateVolumeAsync(name, labels, cancellationToken);
    }

    public Task<NetworkInfo?> InspectNetworkAsync(string name, CancellationToken cancellationToken) => inner.InspectNetworkAsync(name, cancellationToken);

    public async Task CreateNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        labels.TryGetValue(TargetLabels.Target, out var label);
        if (systemId is null || !string.Equals(label, systemId, StringComparison.Ordinal))
        {
            throw new TargetRefusedException(
                $"Refusing to create network '{name}' {Without(label)}.",
                "create networks only through the drill engine, which labels them for the system it drills");
        }

        await inner.CreateNetworkAsync(name, labels, cancellationToken);
    }

    /// <summary>Joins only a network labelled for the system: joining another would put the target beside containers it must not reach.</summary>
    public async Task ConnectNetworkAsync(string containerId, NetworkAttachment attachment, CancellationToken cancellationToken)
    {
        await VetAsync(containerId, cancellationToken);
        await VetNetworkAsync(attachment.Network, cancellationToken);
        await inner.ConnectNetworkAsync(containerId, attachment, cancellationToken);
    }

    /// <summary>
    /// Cuts only a network labelled for the system, except that a container drills created may leave any network:
    /// that is how drills moves its own copy off the engine's default network onto the system's.
    /// </summary>
    public async Task DisconnectNetworkAsync(string containerId, string network, CancellationToken cancellationToken)
    {
        if (!await VetAsync(containerId, cancellationToken))
        {
            await VetNetworkAsync(network, cancellationToken);
        }

        await inner.DisconnectNetworkAsync(containerId, network, cancellationToken);
    }

    private async Task VetNetworkAsync(string name, CancellationToken cancellationToken)
    {
        var network = await inner.InspectNetworkAsync(name, cancellationToken)
                      ?? throw new TargetRefusedException($"Refusing network '{name}': the engine has no network of that name.",
                          "declare the network as the system's 'network' in the catalogue, so drills creates it labelled for the system");
        if (systemId is null)
        {
            throw new TargetRefusedException($"Refusing to touch network '{name}' {Without(null)}.", "act on networks only through the drill engine");
        }

        NetworkGuard.EnsureOwned(systemId, network);
    }

    /// <summary>Refuses a container not labelled for the system; returns whether drills created it.</summary>
    private async Task<bool> VetAsync(string containerId, CancellationToken cancellationToken)
    {
        if (_vetted.TryGetValue(containerId, out var managed))
        {
            return managed;
        }

        var info = await inner.InspectAsync(containerId, cancellationToken);
        info.Labels.TryGetValue(TargetLabels.Target, out var label);
        if (systemId is null || !string.Equals(label, systemId, StringComparison.Ordinal))
        {
            throw new TargetRefusedException(
                $"Refusing to touch container '{info.Name}': it {Without(label)}. drills acts only on containers labelled for the system it drills.",
                "name in the catalogue a container that drills created for this system, or a name no container has yet so drills creates its own");
        }

        managed = TargetLabels.IsManaged(info.Labels);
        _vetted[containerId] = managed;
        _vetted[info.Id] = managed;
        return managed;
    }

    /// <summary>Why a label does not qualify, in words.</summary>
    private string Without(string? label) => (label, systemId) switch
    {
        (_, null) => "outside a drill: no system is being drilled",
        (null, _) => $"without the {TargetLabels.Target}={systemId} label",
        _ => $"labelled {TargetLabels.Target}={label}, not {systemId}",
    };
}
