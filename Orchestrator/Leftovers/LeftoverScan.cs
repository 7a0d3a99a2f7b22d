using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Leftovers;

/// <summary>
/// The cleanup attestation of one run: finds what the run left behind — containers and networks labelled
/// <c>drills.run=&lt;run id&gt;</c>, and in its target a pause, a cut from the system's network, marked processes,
/// the run's temp folder — removes or repairs each, and says what it found and what it removed. It acts only
/// through the runtime of the drilled system, so nothing but that run's resources and the vetted target is touched.
/// A part that cannot be scanned is itself a finding; the scan never throws but for cancellation.
/// </summary>
internal sealed class LeftoverScan(IContainerRuntime runtime, TargetGuard guard, TimeProvider time)
{
    private readonly TargetLeftovers _inside = new(runtime);

    /// <param name="system">The drilled system, or null when it is unknown (then only labelled resources are scanned).</param>
    /// <param name="scanTarget">False when nothing was attacked: the target is not entered, only the labels are listed.</param>
    /// <param name="reconnect">Whether a target cut from its network is reconnected here; before a rollback it is not, since the rollback
    /// puts it back with the aliases and addresses kept at the cut.</param>
    public async Task<Cleanup> RunAsync(string runId, SystemDefinition? system, bool scanTarget, bool reconnect, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var removed = new List<string>();
        await Part(found, "containers labelled for the run", () => ContainersAsync(runId, found, removed, cancellationToken));
        await Part(found, "networks labelled for the run", () => NetworksAsync(runId, found, removed, cancellationToken));
        if (system is not null && scanTarget)
        {
            await Part(found, $"the target {system.Container.Name}", () => TargetAsync(runId, system, reconnect, found, removed, cancellationToken));
        }

        return new Cleanup(found, removed);
    }

    private static async Task Part(List<string> found, string what, Func<Task> scan)
    {
        try
        {
            await scan();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            found.Add($"{what} could not be scanned: {DrillsException.ProblemOf(ex)}");
        }
    }

    private async Task ContainersAsync(string runId, List<string> found, List<string> removed, CancellationToken cancellationToken)
    {
        // A container standing for a system is a target, repaired below, never removed as a leftover.
        foreach (var container in (await runtime.ContainersLabelledAsync(RunMarks.Label, runId, cancellationToken))
                 .Where(c => !c.Labels.ContainsKey(TargetLabels.Target)))
        {
            var item = $"container {container.Name} ({container.Status.ToString().ToLowerInvariant()}) labelled {RunMarks.Label}={runId}";
            found.Add(item);
            await Try(() => runtime.RemoveAsync(container.Id, cancellationToken), item, found, removed);
        }
    }

    private async Task NetworksAsync(string runId, List<string> found, List<string> removed, CancellationToken cancellationToken)
    {
        foreach (var network in await runtime.NetworksLabelledAsync(RunMarks.Label, runId, cancellationToken))
        {
            var item = $"network {network.Name} labelled {RunMarks.Label}={runId}";
            found.Add(item);
            await Try(() => runtime.RemoveNetworkAsync(network.Id, cancellationToken), item, found, removed);
        }
    }

    private async Task TargetAsync(string runId, SystemDefinition system, bool reconnect, List<string> found, List<string> removed, CancellationToken cancellationToken)
    {
        if (await guard.InspectAsync(system, cancellationToken) is not { } target)
        {
            return;
        }

        if (target.Status is ContainerStatus.Paused)
        {
            var item = $"container {target.Name} paused";
            found.Add(item);
            await Try(() => runtime.UnpauseAsync(target.Id, cancellationToken), item, found, removed);
        }

        if (reconnect && system.Network is { } name && await runtime.InspectNetworkAsync(name, cancellationToken) is not null
            && !((await runtime.InspectAsync(target.Id, cancellationToken)).Networks ?? []).Any(n => n.Network == name))
        {
            // The catalogue declares no aliases or addresses, so the engine's defaults are how drills attached it.
            var item = $"container {target.Name} disconnected from its network {name}";
            found.Add(item);
            await Try(() => runtime.ConnectNetworkAsync(target.Id, NetworkAttachment.Plain(name), cancellationToken), item, found, removed);
        }

        if ((await runtime.InspectAsync(target.Id, cancellationToken)).Status is ContainerStatus.Running)
        {
            await InsideAsync(target, runId, found, removed, cancellationToken);
        }
    }

    private async Task InsideAsync(ContainerInfo target, string runId, List<string> found, List<string> removed, CancellationToken cancellationToken)
    {
        var items = await _inside.ScanAsync(target, runId, cancellationToken);
        if (items.Count == 0)
        {
            return;
        }

        found.AddRange(items.Select(i => i.Description));
        var left = items;
        // SIGKILL lands at once, but a process may take a moment to leave /proc: looked at again a few times.
        for (var attempt = 0; attempt < 3 && left.Count > 0; attempt++)
        {
            await _inside.ReleaseAsync(target, runId, left, cancellationToken);
            await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)), time, cancellationToken);
            var still = (await _inside.ScanAsync(target, runId, cancellationToken)).Select(i => i.Description).ToHashSet(StringComparer.Ordinal);
            left = left.Where(i => still.Contains(i.Description)).ToList();
        }

        removed.AddRange(items.Except(left).Select(i => i.Description));
    }

    private static async Task Try(Func<Task> repair, string item, List<string> found, List<string> removed)
    {
        try
        {
            await repair();
            removed.Add(item);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            found[found.IndexOf(item)] = $"{item} (not removed: {DrillsException.ProblemOf(ex)})";
        }
    }
}
