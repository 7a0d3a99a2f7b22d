using Drills.Orchestrator.Engine;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>The database wiper drill end to end against a real PostgreSQL server in a container.</summary>
[Collection(DockerCollection.Name)]
public sealed class RecordsWiperDrillTests : IAsyncLifetime
{
    private const string Name = "drills-test-records";
    private const string Count = TestSystems.CountCitizens;
    private readonly RealDrillHarness _h = new();

    private static readonly string Catalogue = TestSystems.RecordsWiper(Name, 15433, string.Join("\n",
        "",
        "      - checks",
        "      - exec: [\"psql\", \"-U\", \"postgres\", \"-h\", \"127.0.0.1\", \"-d\", \"records\", \"-tAc\", \"select count(distinct national_id) from citizens\"]",
        "        contains: \"1000\""));

    [Fact]
    public async Task Wiper_drill_drops_the_tables_and_the_baseline_backup_brings_every_record_back()
    {
        var catalogue = _h.Load(Catalogue);

        var result = await _h.RunAsync(catalogue, "wiper");
        var after = await _h.ExecAsync(Name, "psql", "-U", "postgres", "-h", "127.0.0.1", "-d", "records", "-tAc", Count);

        Assert.True(result.Record.ImpactObserved);
        Assert.Contains(result.Record.Checks, c => c.Phase == "attack" && !c.Passed && c.Check.StartsWith("exec psql", StringComparison.Ordinal));
        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.Equal(RunOutcome.Passed, result.Record.Outcome);
        Assert.Equal(0, after.ExitCode);
        Assert.Equal("1000", after.Stdout.Trim());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();
}
