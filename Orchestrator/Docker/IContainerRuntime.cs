using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Docker;

/// <summary>
/// The container engine as the drill sees it: one async method per operation, each logged by the
/// implementation. Nothing here checks ownership — <c>Safety.TargetGuard</c> does that before any call.
/// </summary>
internal partial interface IContainerRuntime
{
    /// <summary>Engine version; throws <see cref="DockerUnavailableException"/> when the engine does not answer.</summary>
    Task<string> PingAsync(CancellationToken cancellationToken);

    Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken);

    /// <summary>The container with exactly this name, or null.</summary>
    Task<ContainerInfo?> FindByNameAsync(string name, CancellationToken cancellationToken);

    Task<ContainerInfo> InspectAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Creates (does not start) a container from the declared settings; returns its id.</summary>
    Task<string> CreateAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    Task StartAsync(string containerId, CancellationToken cancellationToken);

    Task StopAsync(string containerId, TimeSpan timeout, CancellationToken cancellationToken);

    Task RestartAsync(string containerId, TimeSpan timeout, CancellationToken cancellationToken);

    Task KillAsync(string containerId, string signal, CancellationToken cancellationToken);

    Task PauseAsync(string containerId, CancellationToken cancellationToken);

    Task UnpauseAsync(string containerId, CancellationToken cancellationToken);

    Task RemoveAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Runs a command inside a running container (no shell unless the command names one).</summary>
    Task<ExecResult> ExecAsync(string containerId, IReadOnlyList<string> command, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a command and hands its stdout to <paramref name="read"/> as it arrives, never buffered whole: more than
    /// <paramref name="limit"/> fails with <see cref="ArchiveTooLargeException"/>. The result's stderr is kept as
    /// <see cref="ExecAsync"/> keeps it; its stdout text is empty (its size is counted).
    /// </summary>
    Task<(T Value, ExecResult Result)> ExecReadAsync<T>(string containerId, IReadOnlyList<string> command, ArchiveLimit limit, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken);

    /// <summary>Runs a command with <paramref name="input"/> on its stdin (closed at its end); output kept as <see cref="ExecAsync"/> keeps it.</summary>
    Task<ExecResult> ExecWithInputAsync(string containerId, IReadOnlyList<string> command, Stream input, CancellationToken cancellationToken);

    /// <summary>
    /// Streams a tar of <paramref name="path"/> (its last segment is the tar's root entry) through <paramref name="read"/>,
    /// never buffered whole: the stream lives only while <paramref name="read"/> runs, and reading more than
    /// <paramref name="limit"/> fails with <see cref="ArchiveTooLargeException"/>.
    /// </summary>
    Task<T> ReadArchiveAsync<T>(string containerId, string path, ArchiveLimit limit, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken);

    /// <summary>Extracts a tar into <paramref name="directory"/> inside the container.</summary>
    Task CopyToAsync(string containerId, string directory, Stream tar, CancellationToken cancellationToken);

    /// <summary>The named volume, or null when the engine has none of that name.</summary>
    Task<VolumeInfo?> InspectVolumeAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates a named volume with the local driver and no options: a folder the engine owns.</summary>
    Task CreateVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    /// <summary>Every container, running or not, that mounts the named volume.</summary>
    Task<IReadOnlyList<ContainerInfo>> ContainersUsingVolumeAsync(string name, CancellationToken cancellationToken);

    /// <summary>The network of exactly this name, or null when the engine has none.</summary>
    Task<NetworkInfo?> InspectNetworkAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates a bridge network on this host with no options.</summary>
    Task CreateNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    /// <summary>Attaches a container (running or not) to <see cref="NetworkAttachment.Network"/> with the attachment's aliases and addresses.</summary>
    Task ConnectNetworkAsync(string containerId, NetworkAttachment attachment, CancellationToken cancellationToken);

    /// <summary>Cuts a container (running or not) off one network.</summary>
    Task DisconnectNetworkAsync(string containerId, string network, CancellationToken cancellationToken);
}
