using Drills.Orchestrator.Engine;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>The database wiper drill end to end against a real PostgreSQL server in a container.</summary>
[Collection(DockerCollection.Name)]
public sealed class RecordsWiperDrillTests : IAsyncLifetime
{
    private const string Name = "drills-test-records";
    private const string Count = "select count(*) from citizens";
    private readonly RealDrillHarness _h = new();

    private static readonly string Catalogue = $$"""
        version: 1
        defaults: { probe_interval: 250ms, max_duration: 3m }
        systems:
          records:
            title: Test records / Hộ tịch thử nghiệm
            security_level: 4
            container:
              image: drills/records-db:1
              name: {{Name}}
              ports: ["127.0.0.1:15433:5432"]
            checks:
              - tcp: 127.0.0.1:15433
              - exec: ["psql", "-U", "postgres", "-h", "127.0.0.1", "-d", "records", "-tAc", "{{Count}}"]
                contains: "1000"
            data:
              paths: [/var/lib/postgresql/data]
        scenarios:
          wiper:
            title: Wiper drops the tables
            system: records
            technique: T1485
            attack:
              - exec: ["psql", "-U", "postgres", "-h", "127.0.0.1", "-d", "records", "-c", "DROP TABLE citizens CASCADE"]
            restore:
              - exec: ["su", "postgres", "-c", "pg_ctl -D /var/lib/postgresql/data -m fast -w stop"]
              - restore-backup: baseline
              - restart: {}
            verify:
              - checks
              - exec: ["psql", "-U", "postgres", "-h", "127.0.0.1", "-d", "records", "-tAc", "select count(distinct national_id) from citizens"]
                contains: "1000"
        """;

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
