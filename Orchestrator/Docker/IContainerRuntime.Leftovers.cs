namespace Drills.Orchestrator.Docker;

/// <summary>What the cleanup scan after a run asks of the engine: what a run left labelled, and repairs of a target.</summary>
internal partial interface IContainerRuntime
{
    /// <summary>Every container, running or not, carrying the label <paramref name="key"/>=<paramref name="value"/>.</summary>
    Task<IReadOnlyList<ContainerInfo>> ContainersLabelledAsync(string key, string value, CancellationToken cancellationToken);

    /// <summary>Every network carrying the label <paramref name="key"/>=<paramref name="value"/>.</summary>
    Task<IReadOnlyList<NetworkInfo>> NetworksLabelledAsync(string key, string value, CancellationToken cancellationToken);

    Task RemoveNetworkAsync(string networkId, CancellationToken cancellationToken);

    /// <summary>Runs a command inside a running container with extra environment variables (exec steps get <c>DRILLS_RUN_ID</c>).</summary>
    Task<ExecResult> ExecWithEnvironmentAsync(string containerId, IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken);
}
