namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// The sample portal on a network of its own, with a memory budget among its checks, in the real file format:
/// the system the network, pressure and configuration attacks are drilled against.
/// </summary>
internal static class AttackSystems
{
    /// <summary>The portal's memory use (its cgroup's, v1 or v2) stays under 64 MiB; idle it uses a few MiB.</summary>
    public const string MemoryBudget =
        "f=/sys/fs/cgroup/memory.current; [ -r $f ] || f=/sys/fs/cgroup/memory/memory.usage_in_bytes; test $(cat $f) -lt 67108864";

    public static string Portal(string name, int port, string network, string scenarios, string system = "") => $$"""
        version: 1
        defaults:
          probe_interval: 200ms
          max_duration: 3m
        systems:
          portal:
            title: Test portal / Cổng thử nghiệm
            agency: Test agency
            security_level: 3
            rto_target: 4h
            network: {{network}}
            {{system}}
            container:
              image: drills/portal:1
              name: {{name}}
              ports: ["127.0.0.1:{{port}}:8080"]
            checks:
              - http: http://127.0.0.1:{{port}}/health
                expect: 200
              - exec: ["sh", "-c", "{{MemoryBudget}}"]
            data:
              paths: [/srv/www]
        scenarios:
        {{scenarios}}
        """;

    public static string Scenario(string id, string attack, string restore, string verify = "[checks]", string technique = "T1489") => $$"""
          {{id}}:
            title: {{id}}
            system: portal
            technique: {{technique}}
            attack:
              - {{attack}}
            restore:
              - {{restore}}
            verify: {{verify}}
        """;
}
