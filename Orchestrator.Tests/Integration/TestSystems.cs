namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// Catalogues for the integration tests, in the real file format. Each test class gets its own
/// container names and loopback ports so classes can run side by side and never touch a demo.
/// </summary>
internal static class TestSystems
{
    public static string Portal(string name, int port, string scenarios, string extraContainer = "", string probe = "200ms", string maxDuration = "2m") => $$"""
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
        scenarios:
        {{scenarios}}
        """;

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
