using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Manual;
using Drills.Orchestrator.Runs;
using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary><c>drills confirm RUN_ID STEP</c>: an operator says a manual restore step is done, so the waiting drill goes on.</summary>
internal static class ConfirmCommand
{
    public static Command Create(TimeProvider clock)
    {
        var runId = new Argument<string>("RUN_ID") { Description = "Run id, as the drill's progress and drills runs show it" };
        var step = new Argument<string>("STEP") { Description = "The manual step: its restore step number as progress shows it (restore 2/3 → 2), or its title" };
        var note = new Option<string?>("--note") { Description = "A note for the record, such as a ticket number" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout" };
        var command = new Command("confirm", "Confirm that a manual restore step is done, so the drill waiting on it goes on") { runId, step, note, json };
        command.SetAction(parse =>
        {
            using var services = GlobalOptions.Services(parse, clock);
            var confirmation = new ManualConfirmation(services.Clock.GetUtcNow(), Environment.UserName, parse.GetValue(note));
            var confirmed = OperatorConfirmation.Confirm(services.Store, services.Data.Database, parse.GetValue(runId)!, parse.GetValue(step)!, confirmation);

            var at = confirmed.Confirmation.AtUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    confirmed.RunId,
                    confirmed.Step,
                    confirmed.Title,
                    ConfirmedAtUtc = confirmed.Confirmation.AtUtc,
                    ConfirmedBy = confirmed.Confirmation.By,
                    confirmed.Confirmation.Note,
                }, RunJson.Options));
                return ExitCodes.Passed;
            }

            new Terminal(json: false).Human.MarkupLine(
                $"[green]✔ Confirmed[/] restore step {confirmed.Step} of run {TerminalMarkup.Escape(confirmed.RunId)}: [bold]{TerminalMarkup.Escape(confirmed.Title)}[/] " +
                $"— by {TerminalMarkup.Escape(confirmed.Confirmation.By)} at {at} UTC. The drill goes on.");
            return ExitCodes.Passed;
        });
        return command;
    }
}
