using Docker.DotNet;
using Docker.DotNet.Models;
using Serilog;
using ContainerSpec = Drills.Scenarios.Catalogue.ContainerSpec;

namespace Drills.Orchestrator.Docker;

/// <summary>
/// <see cref="IContainerRuntime"/> over the Docker Engine API. Every call is logged with its elapsed
/// time, and every engine failure leaves as <see cref="DockerUnavailableException"/> or
/// <see cref="DockerOperationException"/>, never as a Docker.DotNet type.
/// </summary>
internal sealed partial class DockerContainerRuntime : IContainerRuntime, IDisposable
{
    /// <summary>A healthy engine answers a version call in milliseconds; a hung one must not hold a drill.</summary>
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(10);

    private readonly IDockerClient _client;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly PauseGuard _pauses;

    /// <summary>Shown in "does not answer" messages so the user knows which engine we tried.</summary>
    private readonly string _endpoint;

    /// <summary>The engine at <paramref name="endpoint"/> (null: DOCKER_HOST, else the local socket).</summary>
    public DockerContainerRuntime(ILogger logger, Uri? endpoint, TimeProvider time)
    {
        _logger = logger.ForContext<DockerContainerRuntime>();
        _time = time;
        _pauses = new PauseGuard(time);
        _endpoint = DockerEndpoint.Describe(endpoint);
        _client = DockerEndpoint.Connect(endpoint, _endpoint);
    }

    public void Dispose()
    {
        _client.Dispose();
        _pauses.Dispose();
    }

    public async Task<string> PingAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var timeout = new CancellationTokenSource(PingTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var version = await CallAsync(
            new DockerCall("reach", _endpoint),
            () => _client.System.GetVersionAsync(linked.Token),
            cancellationToken);
        _logger.Debug("Docker Engine {Version} (API {ApiVersion}) answered in {Elapsed}", version.Version, version.APIVersion, Elapsed(started));
        return version.Version;
    }

    public async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var exists = await CallAsync(
            new DockerCall("inspect image", image, IsImage: true),
            async () =>
            {
                try
                {
                    await _client.Images.InspectImageAsync(image, cancellationToken);
                    return true;
                }
                catch (DockerImageNotFoundException)
                {
                    return false;
                }
            },
            cancellationToken);
        _logger.Debug("Image {Image} exists: {Exists} ({Elapsed})", image, exists, Elapsed(started));
        return exists;
    }

    public async Task<ContainerInfo?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        // The engine's name filter matches substrings; the exact match happens below.
        var listed = await ListContainersAsync(new DockerCall("list containers named", name), "name", name, cancellationToken);
        var match = listed.FirstOrDefault(c => c.Names.Any(n => n.TrimStart('/') == name));
        _logger.Debug("Looked up container {Name}: {Found} ({Elapsed})", name, match?.ID ?? "none", Elapsed(started));
        if (match is null)
        {
            return null;
        }

        try
        {
            return await InspectAsync(match.ID, cancellationToken);
        }
        catch (DockerOperationException)
        {
            // Removed between the list and the inspect: as far as the caller is concerned, not found.
            if (!await ContainerStillListedAsync(match.ID, cancellationToken))
            {
                return null;
            }

            throw;
        }
    }

    public async Task<ContainerInfo> InspectAsync(string containerId, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var response = await CallAsync(
            new DockerCall("inspect", containerId),
            () => _client.Containers.InspectContainerAsync(containerId, cancellationToken),
            cancellationToken);
        var digest = await RepoDigestAsync(response.Image, cancellationToken);
        var info = ContainerInspection.ToInfo(response, digest);
        _logger.Debug("Inspected {Container}: {Status} health {Health} in {Elapsed}", info.Name, info.Status, info.Health ?? "none", Elapsed(started));
        return info;
    }

    public async Task<string> CreateAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var parameters = ContainerSettings.ToCreateParameters(spec, labels);
        var created = await CallAsync(
            new DockerCall("create", $"{spec.Name} from {spec.Image}"),
            () => _client.Containers.CreateContainerAsync(parameters, cancellationToken),
            cancellationToken);
        _logger.Debug("Created {Container} ({Id}) from {Image} in {Elapsed}", spec.Name, ShortId(created.ID), spec.Image, Elapsed(started));
        return created.ID;
    }

    /// <summary>Image ids change on every local build; a registry digest, where there is one, names the content.</summary>
    private async Task<string?> RepoDigestAsync(string imageId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(imageId))
        {
            return null;
        }

        return await CallAsync(
            new DockerCall("inspect image", imageId, IsImage: true),
            async () =>
            {
                try
                {
                    var image = await _client.Images.InspectImageAsync(imageId, cancellationToken);
                    return image.RepoDigests?.FirstOrDefault();
                }
                catch (DockerImageNotFoundException)
                {
                    // The image was deleted after the container was made: the id from inspect is all there is.
                    return null;
                }
            },
            cancellationToken);
    }

    private async Task<bool> ContainerStillListedAsync(string id, CancellationToken cancellationToken)
    {
        var listed = await CallAsync(
            new DockerCall("list container", id),
            () => _client.Containers.ListContainersAsync(
                new ContainersListParameters
                {
                    All = true,
                    Filters = new Dictionary<string, IDictionary<string, bool>> { ["id"] = new Dictionary<string, bool> { [id] = true } },
                },
                cancellationToken),
            cancellationToken);
        return listed.Count > 0;
    }

    /// <summary>Runs one engine call, mapping every failure to the drill's exceptions.</summary>
    private async Task<T> CallAsync<T>(DockerCall call, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            return await action();
        }
        catch (Exception error) when (DockerErrors.Map(error, call, _endpoint, cancellationToken) is { } mapped)
        {
            // Timed like a call that succeeded: a failed call (an exec into a stopped target) spends engine time too.
            _logger.Debug("Could not {Verb} {Target} in {Elapsed}: {Reason}", call.Verb, call.Target, Elapsed(started), mapped.Message);
            throw mapped;
        }
    }

    private async Task CallAsync(DockerCall call, Func<Task> action, CancellationToken cancellationToken) =>
        await CallAsync(
            call,
            async () =>
            {
                await action();
                return true;
            },
            cancellationToken);

    private TimeSpan Elapsed(long started) => _time.GetElapsedTime(started);

    private static string ShortId(string id) => id.Length > 12 ? id[..12] : id;

    /// <summary>Every container, running or not, that the engine's filter matches.</summary>
    private Task<IList<ContainerListResponse>> ListContainersAsync(DockerCall call, string filter, string value, CancellationToken cancellationToken) =>
        CallAsync(
            call,
            () => _client.Containers.ListContainersAsync(
                new ContainersListParameters
                {
                    All = true,
                    Filters = new Dictionary<string, IDictionary<string, bool>> { [filter] = new Dictionary<string, bool> { [value] = true } },
                },
                cancellationToken),
            cancellationToken);
}
