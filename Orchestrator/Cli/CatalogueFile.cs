using System.CommandLine;
using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Cli;

/// <summary>
/// How a command is told which catalogue to read: <c>--file F</c> (or <c>-f F</c>) on every command that reads one,
/// described the same everywhere, and the positional FILE that <c>validate</c> and <c>schedule</c> have always taken.
/// </summary>
internal static class CatalogueFile
{
    private const string Default = "(default: ./scenarios.yaml, else the sample built into drills)";

    public static Option<string?> Option() => new("--file", "-f") { Description = $"Catalogue file to read {Default}", HelpName = "FILE" };

    public static Argument<string?> Positional() => new("FILE")
    {
        Description = $"Catalogue file to read, the same as --file {Default}",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>The file a command was given, by either way; null leaves the choice to the default.</summary>
    /// <exception cref="CliException">Both were given and name different files.</exception>
    public static string? Chosen(ParseResult parse, Option<string?> option, Argument<string?> positional)
    {
        var named = parse.GetValue(option);
        var placed = parse.GetValue(positional);
        if (named is not null && placed is not null && !SameFile(named, placed))
        {
            var command = parse.CommandResult.Command.Name;
            throw new CliException(ExitCodes.BadInput,
                $"Two catalogues given: FILE '{placed}' and --file '{named}'.", $"give one, such as drills {command} --file {named}.");
        }

        return named ?? placed;
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
