using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Drills.Orchestrator.Cli;

/// <summary>
/// Help as System.CommandLine writes it, with one correction: in a command's list of subcommands an optional
/// argument is shown optional (<c>validate [&lt;FILE&gt;]</c>), as the subcommand's own help shows it. Version 2.0.0
/// labels those rows with every argument as &lt;NAME&gt;, whatever its arity, and keeps its help builder internal,
/// so the standard help is written to a buffer and corrected there.
/// </summary>
internal sealed class CommandListHelpAction(HelpAction standard) : SynchronousCommandLineAction
{
    /// <summary>As the standard help: <c>--help</c> among bad arguments still shows help.</summary>
    public override bool ClearsParseErrors => standard.ClearsParseErrors;

    /// <summary>Puts this action behind the command's help option, which every subcommand shares.</summary>
    public static void Install(Command root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new CommandListHelpAction((HelpAction)help.Action!);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        if (command.Subcommands.Count == 0)
        {
            return standard.Invoke(parseResult);
        }

        var configuration = parseResult.InvocationConfiguration;
        var output = configuration.Output;
        using var captured = new StringWriter();
        configuration.Output = captured;
        int exitCode;
        try
        {
            exitCode = standard.Invoke(parseResult);
        }
        finally
        {
            configuration.Output = output;
        }

        output.Write(CommandListText.ShowOptionalArguments(captured.ToString(), command.Subcommands));
        return exitCode;
    }
}
