using Drills.Orchestrator.App;
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
        var console = terminal.Human;
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
            if (!imageReady && existing is null)
            {
                return ExitCodes.Environment;
            }
        }

        return ExitCodes.Passed;
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
