using System.CommandLine;
using System.Text.Json;
using Drills.Orchestrator.App;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Evidence;
using Drills.Orchestrator.Runs;
using Drills.Reports.AfterAction;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Durations;
using Drills.Scenarios.RunRecords;
using Spectre.Console;
using static System.FormattableString;

namespace Drills.Orchestrator.Cli;

/// <summary><c>drills run SCENARIO</c>: one drill (or every drill with --all) against the real engine, live.</summary>
internal static class RunCommand
{
    public static Command Create(TimeProvider clock)
    {
        var scenario = new Argument<string?>("SCENARIO") { Description = "Scenario id from the catalogue", Arity = ArgumentArity.ZeroOrOne };
        var file = CatalogueFile.Option();
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate, resolve the target and print the plan; touch nothing" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout; progress goes to stderr" };
        var all = new Option<bool>("--all") { Description = "Run every scenario in the catalogue, one after another" };
        var simulateManual = new Option<bool>("--simulate-manual")
        {
            Description = "Count each manual step at its declared expected duration instead of waiting for drills confirm; declared time is reported apart from measured time",
        };
        var participant = new Option<string[]>("--participant")
        {
            Description = "A person taking part, recorded in the run and its report (repeat for each); added to the scenario's participants",
            AllowMultipleArgumentsPerToken = false,
        };
        var junit = JUnitFile.Option();
        var signing = new SigningOptions();
        var lang = LanguageOption.Create();
        var command = new Command("run", "Run a drill: attack, restore, verify, measure, report, and write its signed evidence") { scenario, file, dryRun, json, all, simulateManual, participant, junit, lang };
        signing.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var terminal = new Terminal(parse.GetValue(json));
            var junitPath = JUnitFile.Check(parse.GetValue(junit));
            var language = LanguageOption.Read(parse.GetValue(lang));
            var catalogue = CatalogueSource.Load(parse.GetValue(file), clock.GetUtcNow(), Console.Error);
            var selected = ScenarioSelection.Select(catalogue, parse.GetValue(scenario), parse.GetValue(all));
            var settings = signing.Resolve(parse);
            using var services = GlobalOptions.Services(parse, clock, signing: settings);
            if (settings.Pkcs12Path is not null)
            {
                // A wrong file or password is said before anything is attacked, not after the drill.
                using var check = EvidenceSigner.Open(settings, services.Data.Root, clock);
            }

            await services.Runtime.PingAsync(cancellationToken);
            if (parse.GetValue(dryRun))
            {
                return await PlanPrinter.PrintAsync(terminal, services, catalogue, selected, cancellationToken);
            }

            var summaries = new List<RunSummary>();
            var records = new List<RunRecord>();
            var options = new DrillOptions
            {
                SimulateManual = parse.GetValue(simulateManual),
                Participants = Participants.Read(parse.GetValue(participant)),
            };
            // From another shell DRILLS_DATA_DIR may not be set: any folder but the default goes into the pasted command.
            var progress = new ProgressPrinter(terminal.Errors, services.Data.IsDefault ? "" : $" --data-dir \"{services.Data.Root}\"");
            var drilled = selected.Select(s => s.SystemId).ToHashSet(StringComparer.Ordinal);
            foreach (var recovered in await InterruptedRuns.RecoverAllAsync(services, services.Engine(options), catalogue, drilled, progress,
                         warning => terminal.Errors.MarkupLine($"[yellow]warning:[/] {TerminalMarkup.Escape(warning)}"), cancellationToken))
            {
                PrintRecovered(terminal.Errors, recovered);
            }

            foreach (var each in selected)
            {
                var (summary, record) = await RunOneAsync(terminal, services, services.Engine(options), progress, catalogue, each, language, cancellationToken);
                summaries.Add(summary);
                records.Add(record);
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
            }

            var code = Finish(terminal, summaries, selected.Count > 1);
            // A file not written is not silent: the exit code says so, as a pipeline gating on the file must not pass.
            return junitPath is null || await JUnitFile.WriteAsync(junitPath, records, Console.Error, CancellationToken.None)
                ? code
                : ExitCodes.Worst([code, ExitCodes.Environment]);
        });
        return command;
    }

    private static async Task<(RunSummary, RunRecord)> RunOneAsync(Terminal terminal, AppServices services, DrillEngine engine, ProgressPrinter progress,
        DrillCatalogue catalogue, ScenarioDefinition scenario, ReportLanguage language, CancellationToken cancellationToken)
    {
        var system = catalogue.Systems[scenario.SystemId];
        terminal.Errors.Write(new Rule($"[bold]{TerminalMarkup.Escape(scenario.Id)}[/] → {TerminalMarkup.Escape(system.Id)}").LeftJustified());
        foreach (var recovered in await InterruptedRuns.RecoverAsync(services, engine, catalogue, system.Id, progress, cancellationToken))
        {
            PrintRecovered(terminal.Errors, recovered);
        }

        var result = await engine.RunAsync(catalogue, scenario, progress, cancellationToken);
        var runId = result.Record.RunId;
        // The drill happened and is recorded; a report or evidence that failed to be written must not hide its result.
        var (reportPath, evidence) = await RunOutputs.PublishAsync(services, result.Record, language,
            ex => terminal.Errors.MarkupLine($"[yellow]warning:[/] report not written: {TerminalMarkup.Escape(ex.Message)}. Retry with: drills report {runId}"),
            ex => terminal.Errors.MarkupLine($"[yellow]warning:[/] evidence not written: {TerminalMarkup.Escape(ex.Message)}. Retry with: drills export {runId}"),
            CancellationToken.None);
        if (evidence is { Signed: false })
        {
            terminal.Errors.MarkupLine($"[yellow]warning:[/] evidence written but not signed: {TerminalMarkup.Escape(evidence.SigningProblem ?? "")}. drills export {runId} signs it.");
        }

        var summary = RunSummary.From(result.Record with { ReportPath = reportPath }, result.End.ExitCode()) with { End = JsonNamingPolicy.CamelCase.ConvertName(result.End.ToString()) };
        PrintOutcome(terminal.Errors, summary, result);
        if (evidence is not null)
        {
            terminal.Errors.MarkupLine($"  evidence: {TerminalMarkup.Escape(evidence.Folder)}{(evidence.Signed ? " (signed)" : "")}");
        }

        return (summary, result.Record with { ReportPath = reportPath });
    }

    private static void PrintRecovered(IAnsiConsole console, RunRecord recovered)
    {
        var cleanup = recovered.Cleanup is { Found.Count: > 0 } c
            ? $"; left behind and removed: {string.Join("; ", c.Removed)}{(c.Clean ? "" : $"; NOT removed: {string.Join("; ", c.Found.Except(c.Removed))}")}"
            : "; nothing left behind";
        console.MarkupLine($"[yellow]Interrupted run {TerminalMarkup.Escape(recovered.RunId)} of {TerminalMarkup.Escape(recovered.SystemId)} closed first: " +
                           $"{(recovered.RolledBack ? "target rolled back" : "nothing rolled back")}{TerminalMarkup.Escape(cleanup)}.[/]");
    }

    private static void PrintOutcome(IAnsiConsole console, RunSummary summary, DrillResult result)
    {
        if (result.End is DrillEnd.NotStarted)
        {
            console.MarkupLine($"[red bold]NOT STARTED[/] {TerminalMarkup.Escape(summary.Scenario)}: nothing was attacked — {TerminalMarkup.Escape(summary.AbortReason ?? "")}");
            console.MarkupLine($"  report: {TerminalMarkup.Escape(summary.ReportPath ?? "(not written)")}");
            return;
        }

        var colour = summary.Outcome switch { "passed" => "green", "failed" => "yellow", _ => "red" };
        var recovery = summary.RecoverySeconds is { } s
            ? Invariant($"recovery time [bold]{s:0.000} s[/] measured{Declared(result.Record)} against target")
            : "[bold]not recovered[/]; target";
        console.MarkupLine($"[{colour} bold]{summary.Outcome.ToUpperInvariant()}[/] {TerminalMarkup.Escape(summary.Scenario)}: " +
                           $"{recovery} {DurationText.Format(result.Record.RtoTarget)}" +
                           (summary.ImpactObserved ? "" : " [yellow](the attack had no observable impact)[/]"));
        if (summary.AbortReason is not null)
        {
            console.MarkupLine($"  reason: {TerminalMarkup.Escape(summary.AbortReason)}{(summary.RolledBack ? " — target rolled back to baseline" : "")}");
        }

        foreach (var line in RecoveryLines.Of(result.Record))
        {
            console.MarkupLine(line);
        }

        console.MarkupLine($"  report: {TerminalMarkup.Escape(summary.ReportPath ?? "(not written)")}");
    }

    private static string Declared(RunRecord run) => run.DeclaredManualTime > TimeSpan.Zero
        ? $" + [bold]{DurationText.Format(run.DeclaredManualTime)}[/] declared for simulated manual steps " +
          $"(measured + declared: {DurationText.Format(run.RecoveryTime!.Value + run.DeclaredManualTime)})"
        : "";

    private static int Finish(Terminal terminal, List<RunSummary> summaries, bool many)
    {
        if (terminal.Json)
        {
            object payload = many ? new { runs = summaries } : summaries[0];
            Console.Out.WriteLine(JsonSerializer.Serialize(payload, RunJson.Options));
        }
        else if (many)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Scenario", "Outcome", "Recovery time", "Target", "Report");
            foreach (var s in summaries)
            {
                table.AddRow(TerminalMarkup.Escape(s.Scenario), s.Outcome, RecoveryText.Of(s),
                    DurationText.Format(TimeSpan.FromSeconds(s.TargetSeconds)), TerminalMarkup.Escape(s.ReportPath ?? ""));
            }

            terminal.Human.Write(table);
        }

        return ExitCodes.Worst(summaries.Select(s => s.ExitCode));
    }
}
