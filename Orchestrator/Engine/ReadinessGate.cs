using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Durations;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// The readiness gate, checked before the drill's clock reaches its attack and recorded as evidence: the image is
/// present, every check passes, the newest agency backup the drill would restore is intact and within rpo_target,
/// and the data directory has room for the baseline snapshot. What it can see without touching the target it sees
/// first: a gate that fails there leaves every container as it was. Its round of checks is the drill's baseline.
/// </summary>
internal sealed class ReadinessGate(DrillRun run, DrillJournal journal, DrillParts parts, DrillOptions options, TimeProvider time)
{
    public const string ImageKey = "image";
    public const string ChecksKey = "checks";

    /// <summary>Where the free space of the snapshots folder comes from; tests replace it.</summary>
    public Func<string, long> FreeBytes { get; init; } = DiskReadiness.FreeBytes;

    /// <summary>Returns the vetted target and the check round that passed; refuses with every failed item otherwise.</summary>
    /// <param name="recreates">The drill removes or redeploys the container (see <see cref="TargetGuard.ResolveAsync"/>).</param>
    /// <exception cref="ReadinessFailedException">The gate failed; the run's readiness says why.</exception>
    public async Task<(DrillTarget Target, IReadOnlyList<ItemResult> Checks)> PassAsync(bool recreates, CancellationToken cancellationToken)
    {
        var system = run.System;
        var existing = await parts.Guard.InspectAsync(system, cancellationToken);
        // A running target is resolved without being touched (the guard only vets it); any other is started only once the rest passed.
        var target = existing is { Status: ContainerStatus.Running } ? await parts.Guard.ResolveAsync(system, recreates, cancellationToken) : null;
        var items = new List<GateItem>
        {
            await ImageAsync(cancellationToken),
            await BackupReadiness.CheckAsync(system, run.Scenario, parts.Backups, parts.Runtime, target?.ContainerId, time.GetUtcNow(), cancellationToken),
        };
        if (target is null)
        {
            if (items.Any(i => !i.Item.Passed))
            {
                const string why = "the container is not running, and the gate refused before starting it";
                Decide([.. items, GateItem.Unchecked(ChecksKey, why), GateItem.Unchecked(DiskReadiness.ItemKey, why)], touched: false);
            }

            target = await parts.Guard.ResolveAsync(system, recreates, cancellationToken);
        }

        // Already refused: one round says what fails now, without waiting for a system that will not be drilled.
        var within = items.Any(i => !i.Item.Passed) ? TimeSpan.Zero : options.BaselineTimeout;
        var checks = await parts.Steady.WaitHealthyAsync(target, run.Clock, run.Scenario.ProbeInterval, within, cancellationToken);
        items.Add(ChecksItem(checks, within));
        items.Add(await DiskReadiness.CheckAsync(system, parts.Runtime, target.ContainerId, parts.SnapshotsRoot, FreeBytes, cancellationToken));
        Decide(items, touched: existing is not { Status: ContainerStatus.Running });
        return (target, checks);
    }

    private async Task<GateItem> ImageAsync(CancellationToken cancellationToken)
    {
        var image = run.System.Container.Image;
        return await parts.Runtime.ImageExistsAsync(image, cancellationToken)
            ? GateItem.Pass(ImageKey, $"image {image} is present in the local engine")
            : GateItem.Fail(ImageKey, $"image {image} is not in the local engine (a redeploy or rollback could not recreate the system)",
                "run ./drills setup to build the sample images, or build the image yourself with docker build");
    }

    private GateItem ChecksItem(IReadOnlyList<ItemResult> checks, TimeSpan within)
    {
        if (checks.All(r => r.Result.Passed))
        {
            return GateItem.Pass(ChecksKey, $"all {checks.Count} checks pass");
        }

        var failing = string.Join("; ", checks.Where(r => !r.Result.Passed).Select(r => $"{r.Item}: {r.Result.Observation}"));
        var when = within > TimeSpan.Zero ? $" within {DurationText.Format(within)}" : "";
        return GateItem.Fail(ChecksKey, $"checks of {run.System.Id} did not all pass{when} ({failing})",
            "repair the system or its checks in the catalogue; drills attacks only a healthy system");
    }

    /// <summary>Records the gate in the run and its journal; throws when any item failed.</summary>
    /// <param name="touched">The gate had to create or start the container to check it.</param>
    private void Decide(IReadOnlyList<GateItem> items, bool touched)
    {
        run.Readiness = new Readiness([.. items.Select(i => i.Item)]);
        var detail = string.Join("; ", items.Select(i => $"{i.Item.Name}: {(i.Item.Passed ? "ok" : "FAILED")} — {i.Item.Observation}"));
        if (run.Readiness.Passed)
        {
            journal.Record(JournalMark.Note, "Readiness gate passed: image, checks, backup and disk", detail);
            return;
        }

        var failed = items.Where(i => !i.Item.Passed && i.Fix.Length > 0).ToList();
        var left = touched ? "the container was started to be checked, nothing was attacked" : "nothing was started or touched";
        journal.Record(JournalMark.Note, $"Readiness gate FAILED: {string.Join(", ", failed.Select(i => i.Item.Name))}; {left}", detail);
        throw new ReadinessFailedException(
            $"The readiness gate refused drill {run.Scenario.Id} of {run.System.Id}: " + string.Join("; ", failed.Select(i => $"{i.Item.Name}: {i.Item.Observation}")),
            string.Join("; ", failed.Select(i => $"{i.Item.Name}: {i.Fix}")));
    }
}
