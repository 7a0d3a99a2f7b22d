using System.CommandLine;
using System.Text.Json;
using Drills.Orchestrator.App;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Runs;
using Drills.Scenarios.RunRecords;
using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary>
/// <c>drills recover RUN_ID</c>: rolls back and closes a run a crash left open, now, without waiting for the
/// next drill of its system; with <c>--confirm</c>, also one whose baseline is not restored without an operator.
/// </summary>
internal static class RecoverCommand
{
    public static Command Create(TimeProvider clock)
    {
        var runId = new Argument<string>("RUN_ID") { Description = "The interrupted run, as drills runs shows it" };
        var confirm = new Option<bool>("--confirm")
        {
            Description = "Restore the run's baseline even though it is old or a later run of the system finished (check the system first)",
        };
        var keepData = new Option<bool>("--keep-data")
        {
            Description = "With --confirm: the system was repaired by hand; start it and check it, restore no data, and close the run",
        };
        var file = CatalogueFile.Option();
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout; progress goes to stderr" };
        var command = new Command("recover", "Roll back and close a run that a crash left open (drills runs shows it as running)") { runId, confirm, keepData, file, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var consent = Consent(parse.GetValue(confirm), parse.GetValue(keepData));
            var terminal = new Terminal(parse.GetValue(json));
            using var services = GlobalOptions.Services(parse, clock);
            var run = OpenRun(services, parse.GetValue(runId)!);
            // Rolled back as declared when drilled: today's file when it is unchanged, else the text kept with the
            // run; a file that does not load is an error only when no text was kept.
            var current = services.Store.FindCatalogue(run.CatalogueSha256) is null
                ? CatalogueSource.Load(parse.GetValue(file), clock.GetUtcNow(), Console.Error)
                : CatalogueSource.Validate(parse.GetValue(file), clock.GetUtcNow(), Console.Error).Catalogue;
            await services.Runtime.PingAsync(cancellationToken);
            var progress = new ProgressPrinter(terminal.Errors, services.Data.IsDefault ? "" : $" --data-dir \"{services.Data.Root}\"");
            var result = await services.Engine().RecoverInterruptedAsync(current, run, consent, progress, cancellationToken);
            if (result.AlreadyClosed)
            {
                throw new CliException(ExitCodes.BadInput, $"Run {run.RunId} is no longer open: it ended {result.Record.Outcome.ToString().ToLowerInvariant()} while drills recover started.",
                    "nothing to recover; drills runs shows it");
            }

            if (result.WaitsForOperator is { } why)
            {
                throw new CliException(ExitCodes.Environment, $"Run {run.RunId} of {run.SystemId} is not rolled back without your confirmation: {why}.", StaleBaseline.Fix(run.RunId));
            }

            if (result.StillOpen)
            {
                throw new CliException(ExitCodes.Environment,
                    $"The rollback of {run.ContainerName} did not complete; run {run.RunId} stays open and the container may still be attacked.",
                    $"read the journal (drills report {run.RunId}), repair what it names, then run drills recover {run.RunId} again");
            }

            var closed = await InterruptedRuns.PublishAsync(services, result.Record);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(RunSummary.From(closed, ExitCodes.Passed), RunJson.Options));
            }

            terminal.Errors.MarkupLine($"[green]✔ Run {TerminalMarkup.Escape(closed.RunId)} closed ({closed.Outcome.ToString().ToLowerInvariant()})[/]: " +
                                       $"{(closed.RolledBack ? "target rolled back" : "nothing rolled back")}; report: {TerminalMarkup.Escape(closed.ReportPath ?? "(not written)")}");
            return ExitCodes.Passed;
        });
        return command;
    }

    private static RecoveryConsent Consent(bool confirm, bool keepData) => (confirm, keepData) switch
    {
        (true, true) => RecoveryConsent.KeepData,
        (true, false) => RecoveryConsent.RestoreBaseline,
        (false, true) => throw new CliException(ExitCodes.BadInput, "--keep-data closes a run without restoring its data, so it needs --confirm.",
            "pass both: drills recover RUN_ID --confirm --keep-data"),
        _ => RecoveryConsent.Automatic,
    };

    /// <summary>The run, when it is open and its process is gone; else why nothing is to be recovered.</summary>
    private static RunRecord OpenRun(AppServices services, string runId)
    {
        if (services.Store.Find(runId) is not { } run)
        {
            var (problem, fix) = UnknownRun.Describe(services.Store, services.Data.Database, runId);
            throw new CliException(ExitCodes.BadInput, problem, fix);
        }

        if (run.Outcome != RunOutcome.Running)
        {
            throw new CliException(ExitCodes.BadInput, $"Run {runId} is not open: it ended {run.Outcome.ToString().ToLowerInvariant()}, so there is nothing to recover.",
                "drills runs lists the runs still open");
        }

        if (RunOwners.IsAlive(run.Owner))
        {
            var owner = run.Owner is { } o ? $"process {o.ProcessId} on {o.Host}" : "its process";
            throw new CliException(ExitCodes.Environment, $"Run {runId} is still being drilled by {owner}; it rolls its own target back when it ends.",
                "wait for it to end, or stop it (Ctrl-C, or kill -TERM the process): a stopped drill rolls back first");
        }

        return run;
    }
}
