using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Drills.Orchestrator.Docker;

/// <summary>Named volumes: inspect, create, and which containers mount one.</summary>
internal sealed partial class DockerContainerRuntime
{
    public async Task<VolumeInfo?> InspectVolumeAsync(string name, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var volume = await CallAsync(
            new DockerCall("inspect volume", name),
            async () =>
            {
                try
                {
                    return await _client.Volumes.InspectAsync(name, cancellationToken);
                }
                catch (DockerApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }
            },
            cancellationToken);
        _logger.Debug("Inspected volume {Volume}: {Found} in {Elapsed}", name, volume is null ? "none" : volume.Driver, Elapsed(started));
        return volume is null
            ? null
            : new VolumeInfo(
                volume.Name,
                volume.Driver ?? "",
                new Dictionary<string, string>(volume.Labels ?? new Dictionary<string, string>()),
                new Dictionary<string, string>(volume.Options ?? new Dictionary<string, string>()));
    }

    public async Task CreateVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        // The local driver with no options: a folder the engine owns, never a host path bound in.
        var parameters = new VolumesCreateParameters { Name = name, Driver = "local", Labels = labels.ToDictionary(l => l.Key, l => l.Value) };
        await CallAsync(
            new DockerCall("create volume", name),
            () => _client.Volumes.CreateAsync(parameters, cancellationToken),
            cancellationToken);
        _logger.Debug("Created volume {Volume} in {Elapsed}", name, Elapsed(started));
    }

    public async Task<IReadOnlyList<ContainerInfo>> ContainersUsingVolumeAsync(string name, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var listed = await ListContainersAsync(new DockerCall("list containers using volume", name), "volume", name, cancellationToken);
        _logger.Debug("Volume {Volume} is mounted by {Count} containers ({Elapsed})", name, listed.Count, Elapsed(started));
        return listed
            .Select(c => new ContainerInfo(
                c.ID,
                c.Names.FirstOrDefault()?.TrimStart('/') ?? c.ID,
                c.Image,
                null,
                ContainerInspection.ParseStatus(c.State),
                null,
                new Dictionary<string, string>(c.Labels ?? new Dictionary<string, string>())))
            .ToList();
    }
}
