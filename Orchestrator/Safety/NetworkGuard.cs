using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Safety;

/// <summary>
/// Decides which network a drill may join or cut. A network step cuts every container on it, so drills acts only
/// on a network labelled <c>drills.target=&lt;system id&gt;</c>, which the system's own network gets when drills
/// creates it; any other network of that name is refused before a single step runs, and left alone.
/// </summary>
internal sealed class NetworkGuard(IContainerRuntime runtime)
{
    /// <summary>The network vetted for the system; null when it does not exist yet.</summary>
    public async Task<NetworkInfo?> InspectAsync(string systemId, string name, CancellationToken cancellationToken)
    {
        var network = await runtime.InspectNetworkAsync(name, cancellationToken);
        if (network is not null)
        {
            EnsureOwned(systemId, network);
        }

        return network;
    }

    /// <summary>Vets the system's network and creates it when missing, labelled for the system.</summary>
    public async Task EnsureAsync(SystemDefinition system, CancellationToken cancellationToken)
    {
        if (system.Network is { } name && await InspectAsync(system.Id, name, cancellationToken) is null)
        {
            await runtime.CreateNetworkAsync(name, new Dictionary<string, string> { [TargetLabels.Target] = system.Id }, cancellationToken);
        }
    }

    /// <summary>Refuses a network not labelled for the system, naming it and the fix.</summary>
    public static void EnsureOwned(string systemId, NetworkInfo network)
    {
        network.Labels.TryGetValue(TargetLabels.Target, out var label);
        if (string.Equals(label, systemId, StringComparison.Ordinal))
        {
            return;
        }

        var found = label is null ? "carries no drills.target label: drills did not create it" : $"is labelled drills.target={label}";
        throw new TargetRefusedException(
            $"Refusing network '{network.Name}' for system '{systemId}': it {found}, and cutting it would cut every container on it. " +
            $"drills joins and cuts only networks labelled drills.target={systemId}, as the network it creates for the system is.",
            "name a network in the catalogue that does not exist yet, so drills creates its own (docker network ls shows the names taken)");
    }
}
