using System.CommandLine;
using Drills.Orchestrator.Cli;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

/// <summary>The correction of a help text's command list: brackets on optional arguments, descriptions kept in one column.</summary>
public sealed class CommandListTextTests
{
    private static readonly Command[] Commands =
    [
        new("check") { new Argument<string?>("FILE") { Arity = ArgumentArity.ZeroOrOne } },
        new("show") { new Argument<string>("ID") },
    ];

    [Fact]
    public void Optional_argument_gets_brackets_and_a_required_one_keeps_none()
    {
        const string Help = "Usage:\n  x [command]\n\nCommands:\n  check <FILE>  Checks a file\n  show <ID>     Shows a run\n\n";

        var fixedHelp = CommandListText.ShowOptionalArguments(Help, Commands);

        Assert.Equal("Usage:\n  x [command]\n\nCommands:\n  check [<FILE>]  Checks a file\n  show <ID>       Shows a run\n\n", fixedHelp);
    }

    [Fact]
    public void Wrapped_description_moves_with_its_column()
    {
        const string Help = "Commands:\n  check <FILE>  Checks a file\n                and says where\n  show <ID>     Shows a run\n";

        var fixedHelp = CommandListText.ShowOptionalArguments(Help, Commands);

        Assert.Equal("Commands:\n  check [<FILE>]  Checks a file\n                  and says where\n  show <ID>       Shows a run\n", fixedHelp);
    }

    [Fact]
    public void Label_that_fits_the_column_leaves_every_description_in_place()
    {
        const string Help = "Commands:\n  check <FILE>           Checks a file\n  show <ID>              Shows a run\n";

        var fixedHelp = CommandListText.ShowOptionalArguments(Help, Commands);

        Assert.Equal("Commands:\n  check [<FILE>]         Checks a file\n  show <ID>              Shows a run\n", fixedHelp);
    }

    [Fact]
    public void Help_without_a_command_list_is_unchanged()
    {
        const string Help = "Usage:\n  x check [<FILE>] [options]\n\nOptions:\n  -h, --help  Show help\n";

        Assert.Equal(Help, CommandListText.ShowOptionalArguments(Help, Commands));
    }
}
