using System.Text.RegularExpressions;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Tests.Integration;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

/// <summary><c>drills --help</c> and each command's help, as an operator reads them.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task Root_help_shows_optional_arguments_as_optional_and_required_ones_as_required()
    {
        var result = await CliProcess.RunAsync("--help");
        var rows = CommandRows(result.Stdout);

        Assert.Equal(ExitCodes.Passed, result.ExitCode);
        Assert.Equal("validate [<FILE>]", rows["validate"]);
        Assert.Equal("schedule [<FILE>]", rows["schedule"]);
        Assert.Equal("run [<SCENARIO>]", rows["run"]);
        Assert.Equal("report <RUN_ID>", rows["report"]);
        Assert.Equal("confirm <RUN_ID> <STEP>", rows["confirm"]);
        Assert.Equal("serve", rows["serve"]);
    }

    [Fact]
    public async Task Root_help_lines_every_command_description_up_in_one_column()
    {
        var result = await CliProcess.RunAsync("--help");

        var columns = CommandLines(result.Stdout).Select(l => Regex.Match(l, @"^  \S.*?\S  +").Length).Distinct();

        Assert.Single(columns);
    }

    [Fact]
    public async Task Help_among_bad_arguments_is_still_help()
    {
        var result = await CliProcess.RunAsync("--help", "--no-such-option");

        Assert.Equal(ExitCodes.Passed, result.ExitCode);
        Assert.Contains("validate [<FILE>]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_command_that_reads_a_catalogue_describes_file_the_same_way()
    {
        var lines = new List<string>();
        foreach (var command in new[] { "validate", "schedule", "run", "serve" })
        {
            var help = await CliProcess.RunAsync(command, "--help");
            lines.Add(Regex.Replace(help.Stdout.Split('\n').Single(l => l.Contains("-f, --file", StringComparison.Ordinal)).Trim(), @"\s+", " "));
        }

        Assert.Equal("-f, --file <FILE> Catalogue file to read (default: ./scenarios.yaml, else the sample built into drills)", lines.Distinct().Single());
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("schedule")]
    public async Task Command_help_shows_its_file_argument_as_optional(string command)
    {
        var result = await CliProcess.RunAsync(command, "--help");

        Assert.Contains($"drills {command} [<FILE>] [options]", result.Stdout, StringComparison.Ordinal);
    }

    private static IEnumerable<string> CommandLines(string help) =>
        help.Split('\n').SkipWhile(l => l.TrimEnd() != "Commands:").Skip(1).TakeWhile(l => l.Trim().Length > 0);

    /// <summary>Each command's label in the root help: its name and arguments, as the first column shows them.</summary>
    private static Dictionary<string, string> CommandRows(string help) =>
        CommandLines(help).Select(l => Regex.Split(l.Trim(), @"\s{2,}")[0]).ToDictionary(label => label.Split(' ')[0]);
}
