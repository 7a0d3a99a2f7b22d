using System.CommandLine;
using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Checks;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Logging;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Safety;
using Serilog;

namespace Drills.Orchestrator.Cli;

/// <summary>The real parts a command needs, built from the global options. Disposed at the end of the command.</summary>
internal sealed class AppServices : IDisposable
{
    private readonly Lazy<DockerContainerRuntime> _runtime;
    private readonly Lazy<IContainerRuntime> _guarded;
    private readonly LoopbackNetworkProbe _network = new();
    private readonly Serilog.Core.Logger _log;

    public AppServices(ParseResult parse, bool service = false)
    {
        Data = DataDirectory.Resolve(parse.GetValue(GlobalOptions.DataDir));
        _log = (Serilog.Core.Logger)LogSetup.Create(Data.Logs, parse.GetValue(GlobalOptions.Verbose), service);
        Store = new SqliteRunStore(Data.Database);
        _runtime = new Lazy<DockerContainerRuntime>(() => new DockerContainerRuntime(_log));
        _guarded = new Lazy<IContainerRuntime>(() => new LabelledOnlyRuntime(_runtime.Value));
    }

    public DataDirectory Data { get; }

    public SqliteRunStore Store { get; }

    public ILogger Log => _log;

    /// <summary>The engine behind the label check: nothing unlabelled can be entered or changed.</summary>
    public IContainerRuntime Runtime => _guarded.Value;

    public DrillEngine Engine(DrillOptions? options = null) =>
        new(Runtime, _network, TimeProvider.System, Store, new SnapshotStore(Data.Snapshots), options ?? new DrillOptions(), _log, new SystemLocks(Data.Locks));

    public void Dispose()
    {
        if (_runtime.IsValueCreated)
        {
            _runtime.Value.Dispose();
        }

        _network.Dispose();
        _log.Dispose();
    }
}
