using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Engine;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// The sample's quiesce pair against a real PostgreSQL server: the baseline is copied from a cleanly stopped
/// cluster, and the server is back up for the attack and after the drill.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class QuiesceDrillTests : IAsyncLifetime
{
    private const string Name = "drills-test-quiesce-db";
    private const string Count = TestSystems.CountCitizens;
    private const string Pgdata = TestSystems.Pgdata;
    private readonly RealDrillHarness _h = new();

    private static readonly string Catalogue = TestSystems.RecordsWiper(Name, 18852, "[checks]", string.Join("\n",
        "    quiesce:",
        $"      before: [\"su\", \"postgres\", \"-c\", \"pg_ctl -D {Pgdata} -m fast -w stop\"]",
        $"      after: [\"sh\", \"-c\", \"su postgres -c 'pg_ctl -D {Pgdata} -w start' >/proc/1/fd/2 2>&1\"]",
        "      timeout: 60s"));

    [Fact]
    public async Task Baseline_is_copied_from_a_cleanly_stopped_database_that_is_up_again_for_the_attack()
    {
        var catalogue = _h.Load(Catalogue);

        var result = await _h.RunAsync(catalogue, "wiper");
        var baseline = new SnapshotStore(Path.Combine(_h.Folder, "snapshots")).LoadBaseline(result.Record.RunId)!;
        var after = await _h.ExecAsync(Name, "psql", "-U", "postgres", "-h", "127.0.0.1", "-d", "records", "-tAc", Count);

        Assert.Equal(DrillEnd.Passed, result.End);
        var journal = result.Record.Journal;
        var before = Assert.Single(journal, e => e.Message.StartsWith("Quiesce 'before' done", StringComparison.Ordinal));
        var resumed = Assert.Single(journal, e => e.Message.StartsWith("Quiesce 'after' done", StringComparison.Ordinal));
        Assert.Contains("server stopped", before.Detail, StringComparison.Ordinal);
        Assert.Contains(": exit 0", resumed.Detail, StringComparison.Ordinal);
        Assert.True(before.Sequence < resumed.Sequence && resumed.Sequence < journal.First(e => e.Mark is JournalMark.AttackStart).Sequence);
        // A running server keeps postmaster.pid in PGDATA; a clean stop removes it, so its absence shows the copy was taken at rest.
        Assert.Contains($"{Pgdata}/PG_VERSION", baseline.Manifest.Files.Keys);
        Assert.DoesNotContain($"{Pgdata}/postmaster.pid", baseline.Manifest.Files.Keys);
        Assert.True(result.Record.ImpactObserved, "the attack found the server up after the quiesce 'after' command");
        Assert.Equal(0, after.ExitCode);
        Assert.Equal("1000", after.Stdout.Trim());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();
}
