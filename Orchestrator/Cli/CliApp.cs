using System.CommandLine;
using System.Text.Json;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Runs;
using Drills.Scenarios.Loading;
using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary>The <c>drills</c> command line: commands, exit codes, and user errors printed without stack traces.</summary>
internal static class CliApp
{
    /// <param name="clock">The process's one clock, made at the entry point: every command, drill and service reads it.</param>
    public static async Task<int> RunAsync(string[] args, TimeProvider clock)
    {
        var root = new RootCommand(
            "drills — incident-recovery drills for agency systems: attack a real container, restore it, measure recovery against the target, report.\n" +
            "Exit codes: 0 passed, 1 missed target or failed verification, 2 bad input, 3 environment (Docker, image, refused target), 4 aborted and rolled back.\n" +
            "From a checkout, ./drills setup prepares Docker and the sample images and ./drills demo runs every sample drill.")
        {
            ValidateCommand.Create(clock),
            RunCommand.Create(clock),
            RunsCommand.Create(clock),
            ScheduleCommand.Create(clock),
            ReportCommand.Create(clock),
            ExportCommand.Create(clock),
            VerifyCommand.Create(clock),
            IndexCommand.Create(clock),
            ServeCommand.Create(clock),
            ReloadCommand.Create(clock),
            ConfirmCommand.Create(clock),
            RecoverCommand.Create(clock),
            BackupCommand.Create(clock),
            BackupsCommand.Create(clock),
        };
        root.Options.Add(GlobalOptions.DataDir);
        root.Options.Add(GlobalOptions.OfflineDir);
        root.Options.Add(GlobalOptions.Verbose);
        CommandListHelpAction.Install(root);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                CliErrors.Print(Errors, error.Message);
            }

            Errors.MarkupLine("Fix: see [bold]drills --help[/] or [bold]drills COMMAND --help[/].");
            return ExitCodes.BadInput;
        }

        var json = args.Contains("--json");
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                // Ctrl-C or SIGTERM cancels the drill, which then rolls its target back: give that time to finish.
                ProcessTerminationTimeout = TimeSpan.FromMinutes(4),
            });
        }
        catch (CatalogueInvalidException ex)
        {
            CliErrors.PrintCatalogueErrors(Errors, ex.Errors);
            return Fail(json, ex.ExitCode, ex.Problem, ex.Fix, ex.Errors);
        }
        catch (DrillsException ex)
        {
            CliErrors.Print(Errors, ex.Problem, ex.Fix);
            return Fail(json, ex.ExitCode, ex.Problem, ex.Fix);
        }
        catch (OperationCanceledException)
        {
            CliErrors.Print(Errors, "Cancelled.");
            return Fail(json, ExitCodes.Aborted, "cancelled", fix: "");
        }
        catch (Exception ex)
        {
            // Last resort: one line and an exit code from the contract, never a stack trace.
            var message = $"{ex.GetType().Name}: {ex.Message}";
            const string fix = "run again with --verbose, or see the log under the data directory's logs/ folder";
            CliErrors.Print(Errors, message, fix);
            return Fail(json, ExitCodes.Environment, message, fix);
        }
    }

    /// <summary>Under --json, a failure is still exactly one JSON object on stdout, so scripts never parse nothing.</summary>
    private static int Fail(bool json, int exitCode, string message, string fix, IReadOnlyList<CatalogueError>? errors = null)
    {
        if (json)
        {
            var details = errors?.Select(e => new { file = e.Location.File, line = e.Location.Line, column = e.Location.Column, message = e.Message, fix = e.Fix });
            Console.Out.WriteLine(JsonSerializer.Serialize(new { error = message, fix = fix.Length == 0 ? null : fix, exitCode, errors = details }, RunJson.Options));
        }

        return exitCode;
    }

    // Made when the first error is printed: a command that succeeds never needs it.
    private static readonly Lazy<IAnsiConsole> ErrorConsole = new(() => Terminal.Create(Console.Error, Console.IsErrorRedirected));

    private static IAnsiConsole Errors => ErrorConsole.Value;
}
