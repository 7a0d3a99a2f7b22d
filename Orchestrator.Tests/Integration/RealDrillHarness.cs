using System.Formats.Tar;
using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Checks;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Loading;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// The real engine against the real Docker Engine, with a temporary data directory. Containers are
/// named per test class so tests never touch the sample systems of a user's demo.
/// </summary>
internal sealed class RealDrillHarness : IAsyncDisposable
{
    private readonly List<string> _containerNames = [];

    public RealDrillHarness()
    {
        Directory.CreateDirectory(Folder);
        Store = new SqliteRunStore(Path.Combine(Folder, "drills.db"));
    }

    public DockerContainerRuntime Runtime { get; } = new(Serilog.Core.Logger.None, endpoint: null, TimeProvider.System);
    public LoopbackNetworkProbe Network { get; } = new(TimeProvider.System);
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "drills-it-" + Guid.NewGuid().ToString("N")[..8]);
    public SqliteRunStore Store { get; }

    public DrillCatalogue Load(string yaml)
    {
        var result = CatalogueLoader.LoadText(yaml, "test-catalogue.yaml");
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        foreach (var system in result.Catalogue.Systems.Values)
        {
            _containerNames.Add(system.Container.Name);
        }

        return result.Catalogue;
    }

    public async Task RemoveLeftoversAsync()
    {
        foreach (var name in _containerNames.Distinct())
        {
            if (await Runtime.FindByNameAsync(name, CancellationToken.None) is { } leftover)
            {
                await Runtime.RemoveAsync(leftover.Id, CancellationToken.None);
            }
        }
    }

    public async Task<DrillResult> RunAsync(DrillCatalogue catalogue, string scenarioId, IProgress<JournalEvent>? progress = null, DrillOptions? options = null,
        IAgencyBackups? backups = null)
    {
        var engine = new DrillEngine(Runtime, Network, TimeProvider.System, Store, new SnapshotStore(Path.Combine(Folder, "snapshots")),
            options ?? new DrillOptions { DetectionWindow = TimeSpan.FromSeconds(3) }, Serilog.Core.Logger.None, backups: backups);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        return await engine.RunAsync(catalogue, catalogue.Scenarios[scenarioId], progress, timeout.Token);
    }

    /// <summary>A backup store in the harness's folder (online under backups/, offline under offline/).</summary>
    public BackupStore Backups() => new(Path.Combine(Folder, "backups"), Path.Combine(Folder, "offline"), TimeProvider.System, Serilog.Core.Logger.None);

    /// <summary>Creates (or finds) the system's container the way a drill does, and takes one agency backup of it now.</summary>
    public async Task<AgencyBackup> TakeBackupAsync(BackupStore store, DrillCatalogue catalogue, string systemId)
    {
        var system = catalogue.Systems[systemId];
        var runtime = new LabelledOnlyRuntime(Runtime, systemId);
        var target = await new TargetGuard(runtime).ResolveAsync(system, recreates: false, CancellationToken.None);
        return await store.TakeAsync(system, runtime, target.ContainerId, runId: null, CancellationToken.None);
    }

    /// <summary>Every regular file under a path inside the container, read through the Docker API.</summary>
    public async Task<Dictionary<string, byte[]>> ReadFilesAsync(string containerName, string path)
    {
        var container = await Runtime.FindByNameAsync(containerName, CancellationToken.None)
                        ?? throw new InvalidOperationException($"no container {containerName}");
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await Runtime.ReadArchiveAsync(container.Id, path, ArchiveLimit.InMemory, async (tar, ct) =>
        {
            await using var reader = new TarReader(tar);
            while (await reader.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                if (entry.EntryType is TarEntryType.RegularFile && entry.DataStream is { } data)
                {
                    using var buffer = new MemoryStream();
                    await data.CopyToAsync(buffer, ct);
                    files[entry.Name] = buffer.ToArray();
                }
            }

            return files;
        }, CancellationToken.None);

        return files;
    }

    public async Task<ExecResult> ExecAsync(string containerName, params string[] command)
    {
        var container = await Runtime.FindByNameAsync(containerName, CancellationToken.None)
                        ?? throw new InvalidOperationException($"no container {containerName}");
        return await Runtime.ExecAsync(container.Id, command, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await RemoveLeftoversAsync();
        Network.Dispose();
        Runtime.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
