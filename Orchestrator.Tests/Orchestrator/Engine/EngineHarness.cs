using System.Diagnostics;
using System.Text;
using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Tests.Support;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Tests.Orchestrator.Engine;

/// <summary>The engine wired to an in-memory engine, a fake clock and a real SQLite file in a temp folder.</summary>
internal sealed class EngineHarness : IDisposable
{
    /// <param name="sqlite">Use the real SQLite store (for tests about persistence; timing is then less exact).</param>
    public EngineHarness(bool sqlite = false)
    {
        Directory.CreateDirectory(Folder);
        Store = sqlite ? new SqliteRunStore(Path.Combine(Folder, "runs.db")) : new InMemoryRunStore();
        var files = Runtime.FilesOf(TestCatalogues.PortalName);
        files[TestCatalogues.IndexPath] = Encoding.UTF8.GetBytes("<h1>Portal</h1>");
        files["/srv/www/site.css"] = Encoding.UTF8.GetBytes("body { color: navy }");
        files["/srv/www/data/services.json"] = Encoding.UTF8.GetBytes("[1,2,3]");
    }

    public SteppingTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 19, 0, 0, TimeSpan.Zero));
    public FakeContainerRuntime Runtime { get; } = new();
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "drills-engine-" + Guid.NewGuid().ToString("N"));
    public IRunStore Store { get; }

    /// <summary>The agency backups engines are built with; null: none configured.</summary>
    public IAgencyBackups? Backups { get; set; }

    public IReadOnlyDictionary<string, byte[]> Files => new Dictionary<string, byte[]>(Runtime.FilesOf(TestCatalogues.PortalName));

    public FakeContainer AddLabelledPortal() => Runtime.Add(TestCatalogues.PortalName, TargetLabels.For("portal"));

    public DrillEngine Engine(DrillOptions? options = null) => new(
        Runtime,
        new FakeNetworkProbe(Runtime, TestCatalogues.PortalName, TestCatalogues.IndexPath),
        Time,
        Store,
        new SnapshotStore(Path.Combine(Folder, "snapshots")),
        options ?? new DrillOptions(),
        Serilog.Core.Logger.None,
        backups: Backups);

    /// <summary>Runs a drill to its end on the fake clock (see <see cref="DriveAsync{T}"/>).</summary>
    public Task<DrillResult> RunAsync(SystemDefinition system, ScenarioDefinition scenario, TimeSpan tick, DrillOptions? options = null)
    {
        var engine = Engine(options);
        var catalogue = TestCatalogues.With(system, scenario);
        return DriveAsync(() => engine.RunAsync(catalogue, scenario, null, CancellationToken.None), tick);
    }

    /// <summary>
    /// Runs engine work to its end, advancing the fake clock by <paramref name="tick"/> only once the
    /// engine has been idle (no timer created, fired or disposed) for two real milliseconds.
    /// </summary>
    public async Task<T> DriveAsync<T>(Func<Task<T>> work, TimeSpan tick)
    {
        var running = Task.Run(work);
        var guard = Stopwatch.StartNew();
        while (!running.IsCompleted)
        {
            if (guard.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("The engine did not finish within 60 s of real time.");
            }

            var before = Time.Version;
            await Task.Delay(1);
            if (Time.Version != before)
            {
                continue;
            }

            await Task.Delay(1);
            if (Time.Version == before && !running.IsCompleted)
            {
                Time.Advance(tick);
            }
        }

        return await running;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
