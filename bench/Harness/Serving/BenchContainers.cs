using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;

namespace Drills.Bench.Serving;

/// <summary>
/// The sample containers a serve section drills, created as a drill creates them (labelled, from the catalogue) before
/// anything is timed, and removed by name at the end and before the start (a leftover of a crashed bench run).
/// </summary>
internal sealed class BenchContainers : IAsyncDisposable
{
    private readonly DockerContainerRuntime _runtime = new(Serilog.Core.Logger.None, endpoint: null, TimeProvider.System);
    private readonly List<string> _names = [];

    /// <summary>Removes any container left with these names, then creates and starts each system's container.</summary>
    public async Task CreateAsync(IEnumerable<SystemDefinition> systems, CancellationToken cancellationToken)
    {
        var all = systems.ToList();
        _names.AddRange(all.Select(s => s.Container.Name));
        await RemoveAsync(cancellationToken);
        // A few at a time: the engine creates in parallel, and 20 one after the other take long on a busy machine.
        await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (system, ct) =>
            await new TargetGuard(new LabelledOnlyRuntime(_runtime, system.Id)).ResolveAsync(system, recreates: false, ct));
    }

    public async Task RemoveAsync(CancellationToken cancellationToken)
    {
        foreach (var name in _names.Distinct(StringComparer.Ordinal))
        {
            if (await _runtime.FindByNameAsync(name, cancellationToken) is { } leftover)
            {
                await _runtime.RemoveAsync(leftover.Id, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RemoveAsync(CancellationToken.None);
        }
        finally
        {
            _runtime.Dispose();
        }
    }
}
