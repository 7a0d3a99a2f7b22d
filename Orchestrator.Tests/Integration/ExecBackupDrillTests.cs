using Drills.Orchestrator.Engine;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// An exec backup of the sample records database with its real pg_dump and pg_restore: the dump streams to the
/// store, the drill changes rows, and restoring latest feeds the dump back to pg_restore until SQL shows what was backed up.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class ExecBackupDrillTests : IAsyncLifetime
{
    private const string Name = "drills-test-bk-records";
    private const string Volume = "drills-test-bk-records-data";
    private const int Port = 19101;
    private const string State = "select count(*) || ':' || md5(string_agg(c::text, ',' order by c.id)) from citizens c";
    private readonly RealDrillHarness _h = new();

    private static string Catalogue(string attack) => $$"""
        version: 1
        defaults: { probe_interval: 250ms, max_duration: 5m }
        systems:
          records:
            title: Test records / Hộ tịch thử nghiệm
            security_level: 4
            container:
              image: drills/records-db:1
              name: {{Name}}
              ports: ["127.0.0.1:{{Port}}:5432"]
              volumes: ["{{Volume}}:{{TestSystems.Pgdata}}"]
            checks:
              - tcp: 127.0.0.1:{{Port}}
              - exec: ["psql", "-U", "postgres", "-h", "127.0.0.1", "-d", "records", "-tAc", "{{TestSystems.CountCitizens}}"]
                contains: "1000"
            backup:
              method: exec
              dump: ["pg_dump", "-U", "postgres", "-h", "127.0.0.1", "-Fc", "records"]
              load: ["pg_restore", "-U", "postgres", "-h", "127.0.0.1", "-d", "records", "--clean", "--if-exists"]
              keep: 10
        scenarios:
          tamper:
            title: Rows deleted and forged
            system: records
            technique: T1485
            attack:
              - exec: ["psql", "-U", "postgres", "-h", "127.0.0.1", "-d", "records", "-c", "{{attack}}"]
            restore:
              - restore-backup: latest
            verify:
              - checks
        """;

    [Fact]
    public async Task Exec_backup_round_trip_with_pg_dump_and_pg_restore_gives_back_the_rows_backed_up()
    {
        var catalogue = _h.Load(Catalogue(
            "delete from citizens where id % 3 = 0; update citizens set full_name = 'forged' where id % 5 = 0; insert into citizens (national_id, full_name) values ('999', 'intruder')"));
        var store = _h.Backups();
        await WaitForDatabaseAsync(catalogue);
        var backup = await _h.TakeBackupAsync(store, catalogue, "records");
        var backedUp = await QueryAsync(State);

        var result = await _h.RunAsync(catalogue, "tamper", backups: store);

        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.Equal(backup.Id, result.Record.RestoredFrom[0].BackupId);
        Assert.StartsWith("1000:", backedUp, StringComparison.Ordinal);
        Assert.Equal(backedUp, await QueryAsync(State));
        Assert.True(backup.Bytes > 1000, $"a dump of 1000 rows holds more than {backup.Bytes} bytes");
    }

    [Fact]
    public async Task A_failed_dump_names_the_system_the_command_and_its_error()
    {
        var yaml = Catalogue("select 1").Replace("\"-Fc\", \"records\"", "\"-Fc\", \"no_such_db\"", StringComparison.Ordinal);
        var catalogue = _h.Load(yaml);
        await WaitForDatabaseAsync(catalogue);

        var failed = await Assert.ThrowsAsync<Backups.BackupCommandException>(() => _h.TakeBackupAsync(_h.Backups(), catalogue, "records"));

        Assert.Contains("records", failed.Problem, StringComparison.Ordinal);
        Assert.Contains("no_such_db", failed.Problem, StringComparison.Ordinal);
        Assert.Contains("does not exist", failed.Problem, StringComparison.Ordinal);
        Assert.Empty(_h.Backups().List("records"));
    }

    /// <summary>Creates the container as a drill would and waits until PostgreSQL answers (an event, bounded by a generous timeout).</summary>
    private async Task WaitForDatabaseAsync(Drills.Scenarios.Catalogue.DrillCatalogue catalogue)
    {
        var runtime = new Safety.LabelledOnlyRuntime(_h.Runtime, "records");
        await new Safety.TargetGuard(runtime).ResolveAsync(catalogue.Systems["records"], recreates: false, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while ((await _h.ExecAsync(Name, "psql", "-U", "postgres", "-h", "127.0.0.1", "-d", "records", "-tAc", TestSystems.CountCitizens)).Stdout.Trim() != "1000")
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }

    private async Task<string> QueryAsync(string sql) =>
        (await _h.ExecAsync(Name, "psql", "-U", "postgres", "-h", "127.0.0.1", "-d", "records", "-tAc", sql)).Stdout.Trim();

    public async Task InitializeAsync()
    {
        await DockerCli.RemoveAsync(Name, Volume);
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await DockerCli.RemoveAsync(volume: Volume);
    }
}
