using System.Formats.Tar;
using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Tests.Support;

/// <summary>
/// An in-memory container engine for engine unit tests: containers with a status and a file tree that
/// survives redeploys (like a named volume). It speaks just enough exec for the steps drills issues.
/// </summary>
internal sealed partial class FakeContainerRuntime : IContainerRuntime
{
    private readonly Dictionary<string, FakeContainer> _containers = [];
    private readonly Lock _gate = new();
    private int _nextId;

    public HashSet<string> Images { get; } = ["drills/portal:1"];

    /// <summary>Files per container name; kept across remove/create the way a named volume is.</summary>
    public Dictionary<string, SortedDictionary<string, byte[]>> Volumes { get; } = [];

    /// <summary>Named volumes the engine knows, as inspect would describe them.</summary>
    public Dictionary<string, VolumeInfo> NamedVolumes { get; } = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    /// <summary>Networks the engine knows by name, as inspect would describe them.</summary>
    public Dictionary<string, NetworkInfo> NamedNetworks { get; } = new(StringComparer.Ordinal);

    /// <summary>Extra exec behaviour for tests (return null to fall through to the built-ins).</summary>
    public Func<FakeContainer, IReadOnlyList<string>, ExecResult?>? ExecHook { get; set; }

    /// <summary>When set, copying a path out of a container throws what it returns (null: the copy works).</summary>
    public Func<string, Exception?>? CopyFromFailure { get; set; }

    public FakeContainer? ByName(string name)
    {
        lock (_gate)
        {
            return _containers.Values.FirstOrDefault(c => c.Name == name);
        }
    }

    public FakeContainer Add(string name, IReadOnlyDictionary<string, string> labels, ContainerStatus status = ContainerStatus.Running,
        IReadOnlyList<string>? volumes = null, HostAccess? access = null)
    {
        lock (_gate)
        {
            var container = new FakeContainer($"fake{++_nextId:D4}", name, "drills/portal:1", labels)
            {
                Status = status,
                Mounts = [.. volumes ?? []],
                Access = access ?? HostAccess.Confined,
            };
            _containers[container.Id] = container;
            return container;
        }
    }

    public SortedDictionary<string, byte[]> FilesOf(string name)
    {
        lock (_gate)
        {
            if (!Volumes.TryGetValue(name, out var files))
            {
                Volumes[name] = files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            }

            return files;
        }
    }

    public byte[]? ReadFile(string name, string path)
    {
        lock (_gate)
        {
            return FilesOf(name).TryGetValue(path, out var content) ? content : null;
        }
    }

    public Task<string> PingAsync(CancellationToken cancellationToken) => Task.FromResult("fake");

    public Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken) => Task.FromResult(Images.Contains(image));

    public Task<ContainerInfo?> FindByNameAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(ByName(name)?.Info());

    public Task<ContainerInfo> InspectAsync(string containerId, CancellationToken cancellationToken) =>
        Task.FromResult(Get(containerId).Info());

    public Task<string> CreateAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        Calls.Add($"create {spec.Name}");
        return Task.FromResult(Add(spec.Name, labels, ContainerStatus.Created, spec.Volumes).Id);
    }

    public Task<VolumeInfo?> InspectVolumeAsync(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(NamedVolumes.GetValueOrDefault(name));
        }
    }

    public Task CreateVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Calls.Add($"create volume {name}");
            NamedVolumes[name] = new VolumeInfo(name, "local", labels, new Dictionary<string, string>());
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<ContainerInfo>> ContainersUsingVolumeAsync(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ContainerInfo>>(_containers.Values
                .Where(c => c.Mounts.Any(m => m.Split(':')[0] == name))
                .Select(c => c.Info())
                .ToList());
        }
    }

    public Task StartAsync(string containerId, CancellationToken cancellationToken) => Set(containerId, "start", ContainerStatus.Running);

    public Task StopAsync(string containerId, TimeSpan timeout, CancellationToken cancellationToken) => Set(containerId, "stop", ContainerStatus.Exited);

    public Task RestartAsync(string containerId, TimeSpan timeout, CancellationToken cancellationToken) => Set(containerId, "restart", ContainerStatus.Running);

    public Task KillAsync(string containerId, string signal, CancellationToken cancellationToken) => Set(containerId, "kill", ContainerStatus.Exited);

    public Task PauseAsync(string containerId, CancellationToken cancellationToken) => Set(containerId, "pause", ContainerStatus.Paused);

    public Task UnpauseAsync(string containerId, CancellationToken cancellationToken) => Set(containerId, "unpause", ContainerStatus.Running);

    public Task RemoveAsync(string containerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Calls.Add($"remove {Get(containerId).Name}");
            _containers.Remove(containerId);
            return Task.CompletedTask;
        }
    }

    public Task<ExecResult> ExecAsync(string containerId, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var container = Get(containerId);
            if (container.Status is not ContainerStatus.Running)
            {
                throw new DockerOperationException($"container {container.Name} is not running", "start it");
            }

            Calls.Add($"exec {string.Join(' ', command)}");
            return Task.FromResult(ExecHook?.Invoke(container, command) ?? BuiltInExec(FilesOf(container.Name), command));
        }
    }

    /// <summary>
    /// What a command with streamed stdout writes (its bytes, exit code and stderr); null falls through to an empty
    /// stdout and exit 0. Receives what was fed on stdin for <see cref="ExecWithInputAsync"/>.
    /// </summary>
    public Func<FakeContainer, IReadOnlyList<string>, byte[]?, (byte[] Stdout, long ExitCode, string Stderr)?>? StreamHook { get; set; }

    public async Task<(T Value, ExecResult Result)> ExecReadAsync<T>(
        string containerId, IReadOnlyList<string> command, ArchiveLimit limit, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var (stdout, code, stderr) = Streamed(containerId, command, null);
        if (stdout.Length > limit.Bytes)
        {
            throw new ArchiveTooLargeException(containerId, $"the output of [{string.Join(' ', command)}]", limit);
        }

        await using var output = new MemoryStream(stdout);
        var value = await read(output, cancellationToken);
        return (value, new ExecResult(code, "", stderr) { StdoutBytes = stdout.Length });
    }

    public async Task<ExecResult> ExecWithInputAsync(string containerId, IReadOnlyList<string> command, Stream input, CancellationToken cancellationToken)
    {
        using var fed = new MemoryStream();
        await input.CopyToAsync(fed, cancellationToken);
        var (stdout, code, stderr) = Streamed(containerId, command, fed.ToArray());
        return new ExecResult(code, System.Text.Encoding.UTF8.GetString(stdout), stderr);
    }

    private (byte[] Stdout, long ExitCode, string Stderr) Streamed(string containerId, IReadOnlyList<string> command, byte[]? input)
    {
        lock (_gate)
        {
            var container = Get(containerId);
            if (container.Status is not ContainerStatus.Running)
            {
                throw new DockerOperationException($"container {container.Name} is not running", "start it");
            }

            Calls.Add($"exec {(input is null ? "(stdout streamed)" : "(stdin fed)")} {string.Join(' ', command)}");
            return StreamHook?.Invoke(container, command, input) ?? ([], 0, "");
        }
    }

    /// <summary>How many archives were copied out of any container: what a probe costs.</summary>
    public int ArchiveReads { get; private set; }

    public async Task<T> ReadArchiveAsync<T>(
        string containerId, string path, ArchiveLimit limit, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var tar = TarOf(containerId, path);
        return await read(tar, cancellationToken);
    }

    private MemoryStream TarOf(string containerId, string path)
    {
        lock (_gate)
        {
            ArchiveReads++;
            var files = FilesOf(Get(containerId).Name);
            Calls.Add($"copy from {path}");
            if (CopyFromFailure?.Invoke(path) is { } failure)
            {
                throw failure;
            }

            var root = path.TrimEnd('/');
            var parent = root[..root.LastIndexOf('/')];
            var tar = new MemoryStream();
            using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, root[(parent.Length + 1)..] + "/"));
                foreach (var (file, content) in files.Where(f => f.Key.StartsWith(root + "/", StringComparison.Ordinal)))
                {
                    writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, file[(parent.Length + 1)..]) { DataStream = new MemoryStream(content) });
                }
            }

            tar.Position = 0;
            return tar;
        }
    }

    public Task CopyToAsync(string containerId, string directory, Stream tar, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var files = FilesOf(Get(containerId).Name);
            using var reader = new TarReader(tar, leaveOpen: true);
            while (reader.GetNextEntry(copyData: true) is { } entry)
            {
                if (entry.EntryType is TarEntryType.RegularFile)
                {
                    using var buffer = new MemoryStream();
                    entry.DataStream?.CopyTo(buffer);
                    files[directory.TrimEnd('/') + "/" + entry.Name] = buffer.ToArray();
                }
            }

            return Task.CompletedTask;
        }
    }

    public Task<NetworkInfo?> InspectNetworkAsync(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(NamedNetworks.GetValueOrDefault(name));
        }
    }

    public Task CreateNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Calls.Add($"create network {name}");
            NamedNetworks[name] = new NetworkInfo("net-" + name, name, "bridge", labels);
            return Task.CompletedTask;
        }
    }

    public Task ConnectNetworkAsync(string containerId, NetworkAttachment attachment, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var container = Get(containerId);
            if (!NamedNetworks.ContainsKey(attachment.Network) && attachment.Network != "bridge")
            {
                throw new DockerOperationException($"No such network: {attachment.Network}", "create it");
            }

            Calls.Add($"connect {container.Name} {attachment.Network}");
            container.Networks.RemoveAll(n => n.Network == attachment.Network);
            container.Networks.Add(attachment);
            return Task.CompletedTask;
        }
    }

    public Task DisconnectNetworkAsync(string containerId, string network, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var container = Get(containerId);
            Calls.Add($"disconnect {container.Name} {network}");
            if (container.Networks.RemoveAll(n => n.Network == network) == 0)
            {
                throw new DockerOperationException($"container {container.Name} is not connected to network {network}", "connect it first");
            }

            return Task.CompletedTask;
        }
    }

    private static ExecResult BuiltInExec(SortedDictionary<string, byte[]> files, IReadOnlyList<string> argv)
    {
        var command = argv.ToArray();
        if (command is ["rm", "-f", "--", .. var targets])
        {
            foreach (var target in targets)
            {
                files.Remove(target);
            }

            return new ExecResult(0, "", "");
        }

        if (command is ["sh", "-c", _, "drills-clear", .. var roots])
        {
            foreach (var key in files.Keys.Where(k => roots.Any(r => k.StartsWith(r.TrimEnd('/') + "/", StringComparison.Ordinal))).ToList())
            {
                files.Remove(key);
            }

            return new ExecResult(0, "", "");
        }

        if (command is ["sh", "-c", _, "drills-fingerprint", var root])
        {
            return new ExecResult(0, Fingerprint(files, root), "");
        }

        if (command is ["test", "-s", var path])
        {
            return new ExecResult(files.TryGetValue(path, out var c) && c.Length > 0 ? 0 : 1, "", "");
        }

        return new ExecResult(0, "", "");
    }

    /// <summary>What find lists inside a real container: an old clock and, per file, its size and a stand-in for its ctime.</summary>
    private static string Fingerprint(SortedDictionary<string, byte[]> files, string root) =>
        "2000000000\n" + string.Concat(files
            .Where(f => f.Key.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal))
            .Select(f => FormattableString.Invariant($"1.0 1.0 f 644 0 0 {f.Value.Length} {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(f.Value))} {f.Key}\0\0")));

    private FakeContainer Get(string containerId)
    {
        lock (_gate)
        {
            return _containers.TryGetValue(containerId, out var c) ? c : throw new DockerOperationException($"No such container: {containerId}", "create it");
        }
    }

    private Task Set(string containerId, string verb, ContainerStatus status)
    {
        lock (_gate)
        {
            var container = Get(containerId);
            Calls.Add($"{verb} {container.Name}");
            container.Status = status;
            return Task.CompletedTask;
        }
    }
}

internal sealed class FakeContainer(string id, string name, string image, IReadOnlyDictionary<string, string> labels)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public ContainerStatus Status { get; set; }

    /// <summary>Named volumes mounted, as NAME:/path.</summary>
    public IReadOnlyList<string> Mounts { get; init; } = [];

    /// <summary>How the container reaches the host; confined unless a test says otherwise.</summary>
    public HostAccess Access { get; init; } = HostAccess.Confined;

    /// <summary>The networks attached, the engine's default bridge at first.</summary>
    public List<NetworkAttachment> Networks { get; } = [NetworkAttachment.Plain("bridge")];

    public ContainerInfo Info() => new(Id, Name, image, "sha256:fake", Status, null, labels,
        Volumes: [.. Mounts.Select(m => string.Join(':', m.Split(':').Take(2)))], Access: Access, Networks: [.. Networks]);
}
