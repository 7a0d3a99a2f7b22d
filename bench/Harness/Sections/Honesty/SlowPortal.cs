using System.Globalization;
using Drills.Bench.Measuring;

namespace Drills.Bench.Sections.Honesty;

/// <summary>
/// One sample portal that answers a known time after each start (START_DELAY), on its own loopback port.
/// Created fresh by the section and removed after it; drills drills it as the system it is labelled for.
/// </summary>
internal sealed record SlowPortal(TimeSpan Delay, int Port)
{
    /// <summary>"500ms", "2s": in system, scenario and container names.</summary>
    public string Key => Delay < TimeSpan.FromSeconds(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{Delay.TotalMilliseconds:0}ms")
        : string.Create(CultureInfo.InvariantCulture, $"{Delay.TotalSeconds:0}s");

    public string SystemId => "honesty-" + Key;

    public string ContainerName => "drills-bench-honesty-" + Key;

    public Uri HealthUrl => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/health"));

    /// <summary>START_DELAY as the entrypoint takes it: seconds with up to three decimals.</summary>
    public string StartDelay => Delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>"0.5 s".</summary>
    public string Label => StartDelay + " s";

    /// <summary>
    /// Creates the container, puts this commit's portal entrypoint in it behind the section's wrapper (so a decimal
    /// START_DELAY works even with an image built before the entrypoint took one, and each start can be given its own
    /// delay) and starts it. It boots with its delay too.
    /// </summary>
    public async Task CreateAsync(string entrypoint, string wrapper, CancellationToken cancellationToken)
    {
        await RemoveAsync(cancellationToken);
        await DockerAsync(cancellationToken, "create", "--name", ContainerName, "--label", "drills.target=" + SystemId,
            "-e", "START_DELAY=" + StartDelay, "-p", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}:8080"), "drills/portal:1");
        await DockerAsync(cancellationToken, "cp", entrypoint, ContainerName + ":/usr/local/bin/portal-entrypoint-commit");
        await DockerAsync(cancellationToken, "cp", wrapper, ContainerName + ":/usr/local/bin/portal-entrypoint");
        await DockerAsync(cancellationToken, "start", ContainerName);
    }

    /// <summary>The delay of the portal's next start (the drill's restart), read by the section's wrapper entrypoint.</summary>
    public Task SetNextDelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        DockerAsync(cancellationToken, "exec", ContainerName, "sh", "-c", "printf %s \"$1\" > /tmp/bench-start-delay", "sh",
            delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));

    /// <summary>Removes the container whatever state it is in; a missing one is fine (a leftover of a crashed run, or none).</summary>
    public Task RemoveAsync(CancellationToken cancellationToken) =>
        ChildProcess.RunAsync("docker", ["rm", "-f", "-v", ContainerName], cancellationToken);

    private static async Task DockerAsync(CancellationToken cancellationToken, params string[] args) =>
        (await ChildProcess.RunAsync("docker", args, cancellationToken)).EnsureSuccess("docker " + args[0]);
}
