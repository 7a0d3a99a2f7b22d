using System.CommandLine;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Safety;
using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary>The <c>drills</c> command line: commands, exit codes, and user errors printed without stack traces.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("drills — incident-recovery drills for agency systems: attack a real container, restore it, measure recovery against the target, report.")
        {
            ValidateCommand.Create(),
            RunCommand.Create(),
            RunsCommand.Create(),
            ReportCommand.Create(),
        };
        root.Options.Add(GlobalOptions.DataDir);
        root.Options.Add(GlobalOptions.Verbose);

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
            return ExitCodes.BadInput;
        }
        catch (CliException ex)
        {
            CliErrors.Print(Errors, ex.Message);
            return ex.ExitCode;
        }
        catch (Exception ex) when (ex is DockerUnavailableException or TargetRefusedException or MissingImageException or BaselineUnhealthyException or DockerOperationException)
        {
            CliErrors.Print(Errors, ex.Message);
            return ExitCodes.Environment;
        }
        catch (OperationCanceledException)
        {
            CliErrors.Print(Errors, "Cancelled.");
            return ExitCodes.Aborted;
        }
        catch (Exception ex)
        {
            // Last resort: one line and an exit code from the contract, never a stack trace.
            CliErrors.Print(Errors, $"{ex.GetType().Name}: {ex.Message}. Run again with --verbose, or see the log under the data directory's logs/ folder.");
            return ExitCodes.Environment;
        }
    }

    private static IAnsiConsole Errors { get; } = Terminal.Create(Console.Error, Console.IsErrorRedirected);
}
