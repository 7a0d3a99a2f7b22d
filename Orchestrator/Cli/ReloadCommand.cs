using System.CommandLine;
using System.Text.Json;
using Drills.Orchestrator.App;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Runs;
using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary><c>drills reload</c>: asks the running <c>drills serve</c> (same data directory) to reload its catalogue, and prints its answer.</summary>
internal static class ReloadCommand
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static Command Create(TimeProvider clock)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the service's answer", DefaultValueFactory = _ => 30 };
        var command = new Command("reload", "Ask the running drills serve to reload its catalogue; a file with errors is rejected and the schedule stays") { json, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var services = GlobalOptions.Services(parse, clock);
            if (!ServiceLock.IsHeld(services.Data))
            {
                throw new CliException(ExitCodes.Environment,
                    $"No drills serve is running with the data directory {services.Data.Root}; nothing to reload.",
                    "start it with drills serve --file FILE (with the same --data-dir)");
            }

            var requests = new ServiceRequests(services.Data.Database);
            var id = requests.Submit(ServiceRequests.Reload, clock.GetUtcNow());
            var deadline = clock.GetUtcNow().AddSeconds(Math.Clamp(parse.GetValue(timeout), 1, 600));
            while (requests.ResultOf(id) is not { } answer)
            {
                if (clock.GetUtcNow() > deadline)
                {
                    throw new CliException(ExitCodes.Environment,
                        $"drills serve did not answer within {parse.GetValue(timeout)} s (it may be busy starting or stopping); it answers the request when it can.", "check its log, or retry with a longer --timeout.");
                }

                await Task.Delay(Poll, clock, cancellationToken);
            }

            return Print(parse.GetValue(json), requests.ResultOf(id)!);
        });
        return command;
    }

    private static int Print(bool json, string answer)
    {
        var code = answer switch
        {
            _ when answer.StartsWith("Rejected", StringComparison.Ordinal) || answer.StartsWith("Not reloaded", StringComparison.Ordinal) => ExitCodes.BadInput,
            _ when answer.StartsWith("Failed", StringComparison.Ordinal) => ExitCodes.Environment,
            _ => ExitCodes.Passed,
        };
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new { accepted = code == ExitCodes.Passed, answer, exitCode = code }, RunJson.Options));
            return code;
        }

        var terminal = new Terminal(json: false);
        var console = code == ExitCodes.Passed ? terminal.Human : terminal.Errors;
        var lines = answer.Split('\n');
        console.MarkupLine((code == ExitCodes.Passed ? "[green]✔[/] " : "[red]✘[/] ") + TerminalMarkup.Escape(lines[0]));
        foreach (var line in lines.Skip(1))
        {
            console.MarkupLine(TerminalMarkup.Escape(line));
        }
        return code;
    }
}
