using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Docker;

// Placeholder until the Docker.DotNet implementation lands.
internal sealed class DockerContainerRuntime(Serilog.ILogger log) : IContainerRuntime, IDisposable
{
    private readonly Serilog.ILogger _log = log;
    public void Dispose() => _log.Debug("disposed");
    public Task<string> PingAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<ContainerInfo?> FindByNameAsync(string name, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<ContainerInfo> InspectAsync(string containerId, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<string> CreateAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task StartAsync(string containerId, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task StopAsync(string containerId, TimeSpan timeout, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task RestartAsync(string containerId, TimeSpan timeout, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task KillAsync(string containerId, string signal, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task PauseAsync(string containerId, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task UnpauseAsync(string containerId, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task RemoveAsync(string containerId, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<ExecResult> ExecAsync(string containerId, IReadOnlyList<string> command, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<Stream> CopyFromAsync(string containerId, string path, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task CopyToAsync(string containerId, string directory, Stream tar, CancellationToken cancellationToken) => throw new NotImplementedException();
}
