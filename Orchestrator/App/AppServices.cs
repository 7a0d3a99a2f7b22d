using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Checks;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Evidence;
using Drills.Orchestrator.Logging;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Safety;
using Serilog;

namespace Drills.Orchestrator.App;

/// <summary>The real parts a command needs, built from the global options. Disposed at the end of the command.</summary>
internal sealed class AppServices : IDisposable
{
    private readonly Lazy<DockerContainerRuntime> _runtime;
    private readonly Lazy<IContainerRuntime> _guarded;
    private readonly Lazy<ContainerLocks> _containerLocks;
    // Built on first use, so a command that never probes, logs or reads a run does not pay for setting them up.
    private readonly Lazy<LoopbackNetworkProbe> _network;
    private readonly Lazy<Serilog.Core.Logger> _log;
    private readonly Lazy<SqliteRunStore> _store;
    private readonly Lazy<KeptCatalogues> _kept;
    private readonly long _snapshotBytes;
    private readonly Lazy<BackupStore> _backups;

    public AppServices(AppOptions options)
    {
        Clock = options.Clock;
        Signing = options.Signing ?? SigningSettings.Default;
        _network = new Lazy<LoopbackNetworkProbe>(() => new LoopbackNetworkProbe(Clock, log: Log));
        ProcessUmask.KeepPrivate();
        Data = DataDirectory.Resolve(options.DataDir, Console.Error);
        _snapshotBytes = SnapshotLimit.Bytes(Environment.GetEnvironmentVariable(SnapshotLimit.Variable));
        _log = new Lazy<Serilog.Core.Logger>(() => (Serilog.Core.Logger)LogSetup.Create(Data.Logs, options.Verbose, options.Service));
        _store = new Lazy<SqliteRunStore>(() => new SqliteRunStore(Data.Database));
        _kept = new Lazy<KeptCatalogues>(() => new KeptCatalogues(Store));
        _runtime = new Lazy<DockerContainerRuntime>(() => new DockerContainerRuntime(Log, endpoint: null, Clock));
        _guarded = new Lazy<IContainerRuntime>(() => new LabelledOnlyRuntime(_runtime.Value));
        _containerLocks = new Lazy<ContainerLocks>(OpenContainerLocks);
        var offline = Path.GetFullPath(options.OfflineDir ?? Environment.GetEnvironmentVariable("DRILLS_OFFLINE_DIR") ?? Data.DefaultOffline);
        _backups = new Lazy<BackupStore>(() => OpenBackups(offline));
    }

    /// <summary>The process's one clock: drills, reports, confirmations and the service all read it.</summary>
    public TimeProvider Clock { get; }

    public DataDirectory Data { get; }

    /// <summary>Which certificate signs the evidence of a run that ends (and whether a time-stamp authority countersigns).</summary>
    public SigningSettings Signing { get; }

    /// <summary>The run store, opened (and its schema brought up to date) on first use.</summary>
    public SqliteRunStore Store => _store.Value;

    /// <summary>The catalogue texts kept with runs, each loaded once in this process.</summary>
    public KeptCatalogues KeptCatalogues => _kept.Value;

    /// <summary>The operational log, set up on first use: a command that logs nothing opens no log file.</summary>
    public ILogger Log => _log.Value;

    /// <summary>The engine behind the label check: nothing unlabelled can be entered or changed.</summary>
    public IContainerRuntime Runtime => _guarded.Value;

    /// <summary>The agency backups: online under the data directory, offline under the offline directory.</summary>
    public BackupStore Backups => _backups.Value;

    /// <summary>One drill per system across processes; <c>drills backup</c> takes the same lock.</summary>
    public SystemLocks SystemLocks => new(Data.Locks);

    /// <summary>The system's checks, probed through <paramref name="runtime"/> as a drill probes them.</summary>
    public SteadyState SteadyFor(IContainerRuntime runtime) =>
        new(new CheckRunner(runtime, _network.Value, Clock), new DataPaths(runtime, new SnapshotStore(Data.Snapshots, _snapshotBytes)));

    /// <summary>
    /// Takes the system (in this data directory) and its container (on the whole machine) for a command that acts on
    /// it outside a drill, as a drill takes them, or refuses naming who holds them.
    /// </summary>
    public IDisposable HoldSystem(string systemId, string containerName, string holder)
    {
        var system = SystemLocks.TryAcquire(systemId, holder) ?? throw new SystemBusyException(systemId, SystemLocks.HolderOf(systemId));
        if (_containerLocks.Value.TryAcquire(containerName, systemId, holder) is not { } container)
        {
            system.Dispose();
            throw new ContainerBusyException(containerName, _containerLocks.Value.HolderOf(containerName), _containerLocks.Value.PathOf(containerName));
        }

        return new Leases(system, container);
    }

    public DrillEngine Engine(DrillOptions? options = null) =>
        new(Runtime, _network.Value, Clock, Store, new SnapshotStore(Data.Snapshots, _snapshotBytes), options ?? new DrillOptions(), Log, SystemLocks, _containerLocks.Value,
            Backups);

    private BackupStore OpenBackups(string offline)
    {
        try
        {
            var store = new BackupStore(Data.Backups, offline, Clock, Log, _snapshotBytes);
            if (!offline.StartsWith(Data.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                // Under the data directory this ran already; elsewhere, what a crash left half-written there goes too, but only
                // where drills writes (<offline>/<system>/): the folder may be shared, and nothing else in it is drills'.
                foreach (var system in Directory.EnumerateDirectories(offline, "*", new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden }))
                {
                    Reports.Files.LeftoverTemporaries.Remove(system, DataDirectory.ProcessStartedUtc, recurse: false);
                }
            }

            return store;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new Errors.CliException(Errors.ExitCodes.BadInput, $"Cannot use offline directory {offline}: {ex.Message.TrimEnd('.')}.",
                "pass --offline-dir (or set DRILLS_OFFLINE_DIR) with a folder only you can write");
        }
    }

    private ContainerLocks OpenContainerLocks()
    {
        var locks = ContainerLocks.Open();
        if (locks.FellBack)
        {
            Log.Warning("{Preferred} is not writable: container locks are in {Folder}, where only drills processes with the same temp directory see them",
                ContainerLocks.MachineFolder, locks.Folder);
        }
        else
        {
            Log.Debug("Container locks are in {Folder}", locks.Folder);
        }

        return locks;
    }

    public void Dispose()
    {
        if (_runtime.IsValueCreated)
        {
            _runtime.Value.Dispose();
        }

        if (_network.IsValueCreated)
        {
            _network.Value.Dispose();
        }

        if (_log.IsValueCreated)
        {
            _log.Value.Dispose();
        }
    }
}
