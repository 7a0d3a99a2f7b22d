using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Checks;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Checks;

namespace Drills.Orchestrator.Engine;

/// <summary>One probe of a named check or verify item.</summary>
internal readonly record struct ItemResult(string Item, ProbeResult Result);

/// <summary>One check or verify item, ready to be probed: <paramref name="Send"/> probes it once and ends with its answer.</summary>
internal readonly record struct ItemProbe(string Name, Func<CancellationToken, Task<ItemResult>> Send);

/// <summary>
/// Evaluates a system's checks and a scenario's verify items against the target. A round of checks runs its items
/// concurrently, so it takes as long as its slowest item, not their sum; the recovery watch probes each on its own.
/// </summary>
internal sealed class SteadyState
{
    private readonly CheckRunner _checks;
    private readonly DataPaths _data;

    public SteadyState(CheckRunner checks, DataPaths data)
    {
        _checks = checks;
        _data = data;
    }

    public async Task<IReadOnlyList<ItemResult>> ChecksAsync(DrillTarget target, CancellationToken cancellationToken) =>
        await Task.WhenAll(CheckProbes(target).Select(probe => probe.Send(cancellationToken)));

    /// <summary>One probe per check, to be sent and timed each on its own.</summary>
    public IReadOnlyList<ItemProbe> CheckProbes(DrillTarget target) =>
        [.. target.System.Checks.Select(c => new ItemProbe(c.Describe(), token => CheckAsync(c, target, token)))];

    /// <summary>
    /// Polls the system's checks until they all pass, or until <paramref name="within"/> has passed
    /// (null: until cancelled). Returns the last round, so a caller can say what still failed.
    /// </summary>
    public async Task<IReadOnlyList<ItemResult>> WaitHealthyAsync(
        DrillTarget target, DrillClock clock, TimeSpan interval, TimeSpan? within, CancellationToken cancellationToken)
    {
        var deadline = within is { } limit ? clock.Elapsed + limit : TimeSpan.MaxValue;
        while (true)
        {
            var results = await ChecksAsync(target, cancellationToken);
            if (results.All(r => r.Result.Passed) || clock.Elapsed >= deadline)
            {
                return results;
            }

            await clock.DelayAsync(interval, cancellationToken);
        }
    }

    /// <summary>One probe per verify item (the system's checks item stands for each of its checks), in the items' order.</summary>
    public IReadOnlyList<ItemProbe> VerifyProbes(IReadOnlyList<VerifyItem> items, DrillTarget target, BaselineBackup baseline)
    {
        var probes = new List<ItemProbe>();
        foreach (var item in items)
        {
            switch (item)
            {
                case SystemChecksItem:
                    probes.AddRange(CheckProbes(target));
                    break;
                case IntegrityItem:
                    probes.Add(new ItemProbe(IntegrityName, token => IntegrityAsync(target, baseline, token)));
                    break;
                case InlineCheckItem inline:
                    probes.Add(new ItemProbe(inline.Check.Describe(), token => CheckAsync(inline.Check, target, token)));
                    break;
            }
        }

        return probes;
    }

    private async Task<ItemResult> CheckAsync(CheckDefinition check, DrillTarget target, CancellationToken cancellationToken) =>
        new(check.Describe(), await _checks.RunAsync(check, target.ContainerId, target.System.CheckReach, cancellationToken));

    private const string IntegrityName = "integrity (SHA-256 manifest of data paths)";

    private async Task<ItemResult> IntegrityAsync(DrillTarget target, BaselineBackup baseline, CancellationToken cancellationToken)
    {
        try
        {
            var current = await _data.ReadManifestAsync(target.ContainerId, target.System.Data.Paths, cancellationToken);
            var comparison = current.CompareTo(baseline.Manifest);
            return new(IntegrityName, new ProbeResult(comparison.Matches, comparison.Describe()));
        }
        catch (Exception ex) when (ex is DockerOperationException or DockerUnavailableException or InvalidDataException)
        {
            return new(IntegrityName, ProbeResult.Fail(DrillsException.ProblemOf(ex)));
        }
    }
}
