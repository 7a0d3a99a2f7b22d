using Drills.Bench.Measuring;

namespace Drills.Bench.Overhead;

/// <summary>
/// The one sample container section 1 drills three ways: drills/portal:1 on a loopback port, labelled for drills as a
/// container drills created itself would be, with the checks drills, the floor and the shell script all probe.
/// Created fresh by the docker CLI (a leftover of a crashed bench run removed first) and removed at the end.
/// </summary>
internal sealed class BenchPortal
{
    public const string Name = "drills-bench-overhead-portal";

    public const string SystemId = "bench-overhead";

    public const string ScenarioId = "bench-kill";

    public const int Port = 19301;

    /// <summary>Every way probes at this interval; the shortest the format allows comfortably, so overhead shows.</summary>
    public const int ProbeIntervalMs = 100;

    public static string HealthUrl => $"http://127.0.0.1:{Port}/health";

    /// <summary>The exec check of the sample portal: its home page is there and not empty.</summary>
    public static IReadOnlyList<string> ExecCheck { get; } = ["sh", "-c", "test -s /srv/www/index.html"];

    /// <summary>
    /// The catalogue drills runs: the sample portal-kill scenario (SIGKILL, start, verify the checks) on this container,
    /// with the sample portal's data path, so drills takes the baseline snapshot it takes of the real portal.
    /// </summary>
    public static string Catalogue => $$"""
        version: 1
        defaults:
          probe_interval: {{ProbeIntervalMs}}ms
          max_duration: 2m
        systems:
          {{SystemId}}:
            title: Benchmark portal / Cổng đo hiệu năng
            agency: Benchmark
            security_level: 3
            rto_target: 4h
            container:
              image: drills/portal:1
              name: {{Name}}
              ports: ["127.0.0.1:{{Port}}:8080"]
            checks:
              - http: {{HealthUrl}}
                expect: 200
              - exec: ["sh", "-c", "test -s /srv/www/index.html"]
            data:
              paths: [/srv/www]
        scenarios:
          {{ScenarioId}}:
            title: The portal's web server is killed
            system: {{SystemId}}
            technique: T1489
            attack:
              - kill: { signal: SIGKILL }
            restore:
              - start: {}
            verify: [checks]
        """;

    public static async Task CreateAsync(CancellationToken cancellationToken)
    {
        await RemoveAsync(cancellationToken);
        (await ChildProcess.RunAsync("docker",
        [
            "run", "--detach", "--name", Name,
            "--label", $"drills.target={SystemId}", "--label", "drills.managed=true",
            "--publish", $"127.0.0.1:{Port}:8080", "drills/portal:1",
        ], cancellationToken)).EnsureSuccess($"docker run {Name}");
    }

    /// <summary>Removes the container if it exists (its anonymous volumes with it); a missing one is not an error.</summary>
    public static async Task RemoveAsync(CancellationToken cancellationToken)
    {
        var removed = await ChildProcess.RunAsync("docker", ["rm", "--force", "--volumes", Name], cancellationToken);
        if (removed.ExitCode != 0 && !removed.Stderr.Contains("No such container", StringComparison.OrdinalIgnoreCase))
        {
            removed.EnsureSuccess($"docker rm {Name}");
        }
    }
}
