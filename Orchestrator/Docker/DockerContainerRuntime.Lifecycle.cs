using Docker.DotNet.Models;

namespace Drills.Orchestrator.Docker;

/// <summary>Start, stop, kill, pause, remove: the calls that change a container's state.</summary>
internal sealed partial class DockerContainerRuntime
{
    public async Task StartAsync(string containerId, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        await CallAsync(
            new DockerCall("start", containerId),
            () => _client.Containers.StartContainerAsync(containerId, new ContainerStartParameters(), cancellationToken),
            cancellationToken);
        _logger.Debug("Started {Container} in {Elapsed}", containerId, Elapsed(started));
    }

    public async Task StopAsync(string containerId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var parameters = new ContainerStopParameters { WaitBeforeKillSeconds = WholeSeconds(timeout) };
        await CallAsync(
            new DockerCall("stop", containerId),
            () => _client.Containers.StopContainerAsync(containerId, parameters, cancellationToken),
            cancellationToken);
        _logger.Debug("Stopped {Container} (grace {Timeout}) in {Elapsed}", containerId, timeout, Elapsed(started));
    }

    public async Task RestartAsync(string containerId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var parameters = new ContainerRestartParameters { WaitBeforeKillSeconds = WholeSeconds(timeout) };
        await CallAsync(
            new DockerCall("restart", containerId),
            () => _client.Containers.RestartContainerAsync(containerId, parameters, cancellationToken),
            cancellationToken);
        _logger.Debug("Restarted {Container} (grace {Timeout}) in {Elapsed}", containerId, timeout, Elapsed(started));
    }

    public async Task KillAsync(string containerId, string signal, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        await CallAsync(
            new DockerCall($"kill ({signal})", containerId),
            () => _client.Containers.KillContainerAsync(containerId, new ContainerKillParameters { Signal = signal }, cancellationToken),
            cancellationToken);
        _logger.Debug("Killed {Container} with {Signal} in {Elapsed}", containerId, signal, Elapsed(started));
    }

    public async Task PauseAsync(string containerId, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        await CallAsync(
            new DockerCall("pause", containerId),
            () => _pauses.PauseAsync(containerId, () => _client.Containers.PauseContainerAsync(containerId, cancellationToken), cancellationToken),
            cancellationToken);
        _logger.Debug("Paused {Container} in {Elapsed}", containerId, Elapsed(started));
    }

    public async Task UnpauseAsync(string containerId, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        await CallAsync(
            new DockerCall("unpause", containerId),
            () => _pauses.UnpauseAsync(containerId, () => _client.Containers.UnpauseContainerAsync(containerId, cancellationToken), cancellationToken),
            cancellationToken);
        _logger.Debug("Unpaused {Container} in {Elapsed}", containerId, Elapsed(started));
    }

    public async Task RemoveAsync(string containerId, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        // Force: the `remove` attack deletes a running container. Named volumes survive (only
        // anonymous ones go), so a redeploy finds the system's data where it was.
        var parameters = new ContainerRemoveParameters { Force = true, RemoveVolumes = true };
        await CallAsync(
            new DockerCall("remove", containerId),
            () => _client.Containers.RemoveContainerAsync(containerId, parameters, cancellationToken),
            cancellationToken);
        _logger.Debug("Removed {Container} in {Elapsed}", containerId, Elapsed(started));
    }

    private static uint WholeSeconds(TimeSpan timeout) =>
        (uint)Math.Clamp(Math.Ceiling(timeout.TotalSeconds), 0, uint.MaxValue);
}
