using Drills.Orchestrator.App;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Durations;
using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary>The --dry-run plan: what would be attacked and how, after vetting the target read-only.</summary>
internal static class PlanPrinter
{
    public static async Task<int> PrintAsync(Terminal terminal, AppServices services, DrillCatalogue catalogue,
        IReadOnlyList<ScenarioDefinition> scenarios, CancellationToken cancellationToken)
    {
        var guard = new TargetGuard(services.Runtime);
        var backups = services.Engine().Backups;
        var console = terminal.Human;
        var code = ExitCodes.Passed;
        foreach (var scenario in scenarios)
        {
            var system = catalogue.Systems[scenario.SystemId];
            var (existing, missingVolumes) = await guard.VetAsync(system, cancellationToken);
            var imageReady = await services.Runtime.ImageExistsAsync(system.Container.Image, cancellationToken);
            var tree = new Tree($"[bold]{TerminalMarkup.Escape(scenario.Id)}[/] — {TerminalMarkup.Escape(scenario.Title)} (dry run: no container will be touched)");
            var target = tree.AddNode($"target: {TerminalMarkup.Escape(system.Id)}, level {system.SecurityLevel}, recovery target {DurationText.Format(system.RtoTarget)}");
            target.AddNode(existing is null
                ? $"container {TerminalMarkup.Escape(system.Container.Name)} does not exist: it would be created from {TerminalMarkup.Escape(system.Container.Image)}{(imageReady ? "" : " [red](image missing: run ./drills setup)[/]")}"
                : $"container {TerminalMarkup.Escape(system.Container.Name)} ({existing.Status}), labelled drills.target={TerminalMarkup.Escape(system.Id)}: allowed");
            foreach (var volume in VolumeGuard.DeclaredNames(system))
            {
                target.AddNode(missingVolumes.Contains(volume)
                    ? $"volume {TerminalMarkup.Escape(volume)} does not exist: drills would create it, labelled drills.target={TerminalMarkup.Escape(system.Id)}"
                    : $"volume {TerminalMarkup.Escape(volume)}, created by drills for {TerminalMarkup.Escape(system.Id)}: allowed");
            }
            var backup = await BackupReadiness.CheckAsync(system, scenario, backups, services.Runtime, null, services.Clock.GetUtcNow(), cancellationToken);
            AddReadiness(tree, system, imageReady, backup);
            tree.AddNode("baseline: " + TerminalMarkup.Escape(Baseline(system)));
            AddSteps(tree.AddNode("[red]attack[/]"), scenario.Attack.Select(s => s.Describe()));
            AddSteps(tree.AddNode("[yellow]restore[/]"), scenario.Restore.Select(s => s.Describe()));
            AddSteps(tree.AddNode("[green]verify[/]"), scenario.Verify.Select(v => v switch
            {
                SystemChecksItem => $"checks ({system.Checks.Count})",
                IntegrityItem => "integrity (SHA-256 manifest of " + string.Join(", ", system.Data.Paths) + ")",
                InlineCheckItem i => i.Check.Describe(),
                _ => v.ToString() ?? "",
            }));
            tree.AddNode($"probe every {DurationText.Format(scenario.ProbeInterval)}; abort and roll back after {DurationText.Format(scenario.MaxDuration)}");
            console.Write(tree);
            if (!imageReady || !backup.Item.Passed)
            {
                code = ExitCodes.Environment;
            }
        }

        return code;
    }

    /// <summary>
    /// The readiness gate as a dry run can see it without touching the target: the image and the agency backup are
    /// decided now; the checks and the snapshot's room are measured by the drill, before its attack.
    /// </summary>
    private static void AddReadiness(Tree tree, SystemDefinition system, bool imageReady, GateItem backup)
    {
        var gate = tree.AddNode("readiness gate (checked before the attack; a failed item starts nothing and exits 3)");
        gate.AddNode(imageReady ? $"image {TerminalMarkup.Escape(system.Container.Image)}: present" : $"[red]image {TerminalMarkup.Escape(system.Container.Image)}: missing (run ./drills setup)[/]");
        gate.AddNode(backup.Item.Passed
            ? $"backup: {TerminalMarkup.Escape(backup.Item.Observation)}"
            : $"[red]backup: {TerminalMarkup.Escape(backup.Item.Observation)}[/] — fix: {TerminalMarkup.Escape(backup.Fix)}");
        gate.AddNode($"checks: all {system.Checks.Count} must pass (probed when the drill runs)");
        gate.AddNode(system.Data.Paths.Count == 0
            ? "disk: no data paths, no snapshot"
            : $"disk: room for a snapshot of {TerminalMarkup.Escape(string.Join(", ", system.Data.Paths))} (measured with du in the container when the drill runs)");
    }

    private static string Baseline(SystemDefinition system) => system switch
    {
        { Data.Paths.Count: 0 } => "checks only (no data paths declared: no snapshot)",
        { Quiesce: null } => $"snapshot of {string.Join(", ", system.Data.Paths)}, copied live (no quiesce declared)",
        { Quiesce: { } q } => $"snapshot of {string.Join(", ", system.Data.Paths)} taken at rest, between quiesce before [{string.Join(' ', q.Before)}] " +
                              $"and after [{string.Join(' ', q.After)}] (each within {DurationText.Format(q.Timeout)})",
    };

    private static void AddSteps(TreeNode node, IEnumerable<string> steps)
    {
        var i = 1;
        foreach (var step in steps)
        {
            node.AddNode($"{i++}. {TerminalMarkup.Escape(step)}");
        }
    }
}
