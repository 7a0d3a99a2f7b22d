using System.Globalization;
using System.Text;

namespace Drills.Bench.Sections.Honesty;

/// <summary>
/// The section's catalogue: one system per slow portal, with the sample portal's five checks (two http, tcp, two exec)
/// so a probe round costs what it costs in portal-kill, and one kill → start scenario per probe interval.
/// </summary>
internal static class HonestyCatalogue
{
    public static string ScenarioId(SlowPortal portal, TimeSpan interval) =>
        string.Create(CultureInfo.InvariantCulture, $"kill-{portal.Key}-every-{interval.TotalMilliseconds:0}ms");

    public static string Yaml(IEnumerable<SlowPortal> portals, IEnumerable<TimeSpan> intervals)
    {
        var systems = new StringBuilder();
        var scenarios = new StringBuilder();
        foreach (var portal in portals)
        {
            systems.Append(CultureInfo.InvariantCulture, $$"""
                  {{portal.SystemId}}:
                    title: Portal up {{portal.Label}} after start / Cổng chạy lại sau {{portal.Label}}
                    agency: Benchmark
                    security_level: 3
                    container:
                      image: drills/portal:1
                      name: {{portal.ContainerName}}
                      ports: ["127.0.0.1:{{portal.Port}}:8080"]
                      env: { START_DELAY: "{{portal.StartDelay}}" }
                    checks:
                      - http: http://127.0.0.1:{{portal.Port}}/health
                        expect: 200
                      - http: http://127.0.0.1:{{portal.Port}}/
                        contains: "Cổng dịch vụ công"
                      - tcp: 127.0.0.1:{{portal.Port}}
                      - exec: ["sh", "-c", "test -s /srv/www/index.html"]
                      - exec: ["sh", "-c", "f=/sys/fs/cgroup/memory.current; [ -r $f ] || f=/sys/fs/cgroup/memory/memory.usage_in_bytes; test $(cat $f) -lt 67108864"]

                """);
            foreach (var interval in intervals)
            {
                scenarios.Append(CultureInfo.InvariantCulture, $$"""
                      {{ScenarioId(portal, interval)}}:
                        title: Killed portal up {{portal.Label}} after start, probed every {{interval.TotalMilliseconds:0}}ms
                        system: {{portal.SystemId}}
                        technique: T1489
                        probe_interval: {{interval.TotalMilliseconds:0}}ms
                        attack:
                          - kill: { signal: SIGKILL }
                        restore:
                          - start: {}
                        verify: [checks]

                    """);
            }
        }

        return $"""
            version: 1
            defaults:
              rto_target: 4h
              max_duration: 3m
            systems:
            {systems}
            scenarios:
            {scenarios}
            """;
    }
}
