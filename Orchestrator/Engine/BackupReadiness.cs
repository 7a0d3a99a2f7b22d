using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Durations;
using Drills.Scenarios.Steps;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// The gate's <c>backup</c> item: a drill that restores from an agency backup it does not take itself needs the
/// newest one intact, and no older than the system's <c>rpo_target</c>.
/// </summary>
internal static class BackupReadiness
{
    public const string ItemKey = "backup";

    /// <summary>Whether the drill depends on an agency backup already taken: it restores latest or an id, the system declares backups, and no backup_before makes a fresh one.</summary>
    public static bool Needed(SystemDefinition system, ScenarioDefinition scenario) =>
        system.Backup is not null && scenario.BackupBefore is null
        && scenario.Restore.Any(s => s is RestoreBackupStep { Source: BackupSource.Latest or BackupSource.Id });

    public static async Task<GateItem> CheckAsync(SystemDefinition system, ScenarioDefinition scenario, IAgencyBackups backups, IContainerRuntime runtime,
        string? containerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!Needed(system, scenario))
        {
            return GateItem.Pass(ItemKey, system.Backup is null
                ? "not needed: the system declares no agency backup"
                : scenario.BackupBefore is { } before
                    ? $"not needed: the drill takes a fresh backup {DurationText.Format(before)} before the attack"
                    : "not needed: the drill restores no agency backup");
        }

        var take = $"take one now with drills backup {system.Id}, or let its backup.schedule run under drills serve";
        if (await backups.NewestIntactAsync(system, runtime, containerId, cancellationToken) is not { } newest)
        {
            return GateItem.Fail(ItemKey, $"system {system.Id} has no intact agency backup to restore from", take);
        }

        var age = now - newest.TakenAtUtc;
        var taken = $"newest intact backup {newest.Id} taken {newest.TakenAtUtc.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, {DurationText.Format(Whole(age))} ago";
        if (system.RpoTarget is not { } rpo)
        {
            return GateItem.Pass(ItemKey, $"{taken} (no rpo_target declared: intact is enough)");
        }

        return age <= rpo
            ? GateItem.Pass(ItemKey, $"{taken}, within rpo_target {DurationText.Format(rpo)}")
            : GateItem.Fail(ItemKey, $"{taken}: older than the system's rpo_target {DurationText.Format(rpo)}, so a real recovery would lose more than the target allows", take);
    }

    private static TimeSpan Whole(TimeSpan age) => TimeSpan.FromSeconds(Math.Max(0, Math.Floor(age.TotalSeconds)));
}
