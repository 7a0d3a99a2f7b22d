namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// Catalogues for the integration tests, in the real file format. Each test class gets its own
/// container names and loopback ports so classes can run side by side and never touch a demo.
/// </summary>
internal static class TestSystems
{
    public static string Portal(string name, int port, string scenarios, string extraContainer = "", string probe = "200ms", string maxDuration = "2m",
        string extraSystem = "") => $$"""
        version: 1
        defaults:
          probe_interval: {{probe}}
          max_duration: {{maxDuration}}
        systems:
          portal:
            title: Test portal / Cổng thử nghiệm
            agency: Test agency
            security_level: 3
            rto_target: 4h
            container:
              image: drills/portal:1
              name: {{name}}
              ports: ["127.0.0.1:{{port}}:8080"]
              {{extraContainer}}
            checks:
              - http: http://127.0.0.1:{{port}}/health
                expect: 200
              - http: http://127.0.0.1:{{port}}/
                contains: "Cổng dịch vụ công"
              - tcp: 127.0.0.1:{{port}}
              - exec: ["sh", "-c", "test -s /srv/www/index.html"]
            data:
              paths: [/srv/www]
            {{extraSystem}}
        scenarios:
        {{scenarios}}
        """;

    /// <summary>The sample records database (1000 citizens) and a wiper drill that drops its tables and restores the baseline.</summary>
    public static string RecordsWiper(string name, int port, string verify, string extraSystem = "") => $$"""
        version: 1
        defaults: { probe_interval: 250ms, max_duration: 3m }
        systems:
          records:
            title: Test records / Hộ tịch thử nghiệm
            security_level: 4
            container:
              image: drills/records-db:1
              name: {{name}}
              ports: ["127.0.0.1:{{port}}:5432"]
            checks:
              - tcp: 127.0.0.1:{{port}}
              - exec: ["psql", "-U", "postgres", "-h", "127.0.0.1", "-d", "records", "-tAc", "{{CountCitizens}}"]
                contains: "1000"
            data:
              paths: [{{Pgdata}}]
        {{extraSystem}}
        scenarios:
          wiper:
            title: Wiper drops the tables
            system: records
            technique: T1485
            attack:
              - exec: ["psql", "-U", "postgres", "-h", "127.0.0.1", "-d", "records", "-c", "DROP TABLE citizens CASCADE"]
            restore:
              - exec: ["su", "postgres", "-c", "pg_ctl -D {{Pgdata}} -m fast -w stop"]
              - restore-backup: baseline
              - restart: {}
            verify: {{verify}}
        """;

    public const string CountCitizens = "select count(*) from citizens";

    public const string Pgdata = "/var/lib/postgresql/data";

    public static string Scenario(string id, string attack, string restore, string verify = "[checks, integrity]", string extra = "") => $$"""
          {{id}}:
            title: {{id}}
            system: portal
            technique: T1486
            attack:
              - {{attack}}
            restore:
        {{restore}}
            verify: {{verify}}
            {{extra}}
        """;

    public static string RestoreSteps(params string[] steps) => string.Join(Environment.NewLine, steps.Select(s => "      - " + s));
}
