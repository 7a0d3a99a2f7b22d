using Drills.Orchestrator.Docker;

namespace Drills.Orchestrator.Steps;

/// <summary>
/// Cuts the target off a network and puts it back as it was: the attachment (aliases, fixed addresses) is noted in
/// the run's trail before the cut, so reconnect-network, a rollback, or a rollback after a crash restores it.
/// </summary>
internal sealed class NetworkCut(IContainerRuntime runtime)
{
    public async Task<string> DisconnectAsync(string containerId, string network, AttackTrail trail, CancellationToken cancellationToken)
    {
        var info = await runtime.InspectAsync(containerId, cancellationToken);
        var attached = info.Networks ?? [];
        if (attached.FirstOrDefault(n => n.Network == network) is not { } attachment)
        {
            throw new StepFailedException($"container {info.Name} is not on network {network}, so there is nothing to cut",
                $"declare 'network: {network}' on the system (drills joins the container to it), or name a network the container is on");
        }

        await trail.CutAsync(Kept(attachment, info.Id), cancellationToken);
        await runtime.DisconnectNetworkAsync(containerId, network, cancellationToken);
        var others = attached.Where(n => n.Network != network).Select(n => n.Network).ToList();
        return others.Count == 0
            ? $"cut off network {network}; the container is on no network now, so its published ports no longer answer"
            : $"cut off network {network}; still on {string.Join(", ", others)}, which may keep it reachable";
    }

    /// <summary>Reconnects with the attachment noted at the cut (or a plain one when this run never cut it).</summary>
    public async Task<string> ReconnectAsync(string containerId, string network, AttackTrail trail, CancellationToken cancellationToken)
    {
        var info = await runtime.InspectAsync(containerId, cancellationToken);
        if ((info.Networks ?? []).Any(n => n.Network == network))
        {
            await trail.ReconnectedAsync(network, cancellationToken);
            return $"already on network {network}";
        }

        var attachment = trail.Read().Cut.FirstOrDefault(c => c.Network == network) ?? Docker.NetworkAttachment.Plain(network);
        await runtime.ConnectNetworkAsync(containerId, attachment, cancellationToken);
        await trail.ReconnectedAsync(network, cancellationToken);
        return attachment.Aliases.Count == 0 ? $"reconnected to network {network}" : $"reconnected to network {network} as {string.Join(", ", attachment.Aliases)}";
    }

    /// <summary>Every network this run cut and did not put back, reconnected; for rollback. Returns what it did, or null.</summary>
    public async Task<string?> ReconnectAllAsync(string containerId, AttackTrail trail, CancellationToken cancellationToken)
    {
        var done = new List<string>();
        foreach (var cut in trail.Read().Cut)
        {
            done.Add(await ReconnectAsync(containerId, cut.Network, trail, cancellationToken));
        }

        return done.Count == 0 ? null : string.Join("; ", done);
    }

    /// <summary>The engine names each container by its short id on every network; a redeployed copy gets its own, so that alias is not kept.</summary>
    private static NetworkAttachment Kept(NetworkAttachment attachment, string containerId) =>
        attachment with { Aliases = [.. attachment.Aliases.Where(a => !containerId.StartsWith(a, StringComparison.Ordinal))] };
}
