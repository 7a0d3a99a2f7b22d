using System.Text.Json;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Tests.Integration;
using Drills.Orchestrator.Tests.Scenarios;

using static Drills.Orchestrator.Tests.Orchestrator.Cli.ScheduledCatalogue;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

/// <summary>Every command that reads a catalogue is told which by <c>--file F</c> or <c>-f F</c>; validate and schedule also by position.</summary>
public sealed class CatalogueFileTests : IDisposable
{
    private readonly ScheduledCatalogue _catalogue = new();

    [Theory]
    [InlineData("validate", "--file")]
    [InlineData("schedule", "--file")]
    [InlineData("run", "--file")]
    [InlineData("serve", "--file")]
    [InlineData("validate", "-f")]
    [InlineData("schedule", "-f")]
    [InlineData("run", "-f")]
    [InlineData("serve", "-f")]
    public async Task Command_reads_the_catalogue_named_by_file(string command, string option)
    {
        // Reading the broken file, not ./scenarios.yaml or the built-in sample, is what shows the option was taken.
        var broken = Path.Combine(_catalogue.Folder, "broken.yaml");
        await File.WriteAllTextAsync(broken, CatalogueText.With("attack: [{ kill: {} }]", "attack: [{ kil: {} }]"));
        string[] scenario = command == "run" ? ["web-kill"] : [];

        var result = await CliProcess.RunAsync([command, .. scenario, option, broken, "--data-dir", _catalogue.DataDir]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("broken.yaml:12:", Flat(result.Stderr), StringComparison.Ordinal);
        Assert.Contains("did you mean 'kill'", Flat(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_by_file_option_shows_the_same_catalogue_as_by_position()
    {
        var byOption = await CliProcess.RunAsync("schedule", "--file", _catalogue.Path, "--json", "--data-dir", _catalogue.DataDir);
        var byPosition = await CliProcess.RunAsync("schedule", _catalogue.Path, "--json", "--data-dir", _catalogue.DataDir);
        using var named = JsonDocument.Parse(byOption.Stdout);
        using var placed = JsonDocument.Parse(byPosition.Stdout);

        Assert.Equal(ExitCodes.Passed, byOption.ExitCode);
        Assert.Equal(_catalogue.Path, named.RootElement.GetProperty("catalogue").GetString());
        Assert.Equal(placed.RootElement.GetProperty("scenarios").GetRawText(), named.RootElement.GetProperty("scenarios").GetRawText());
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("schedule")]
    public async Task Position_and_file_option_naming_different_catalogues_is_bad_input_naming_both(string command)
    {
        var other = Path.Combine(_catalogue.Folder, "other.yaml");
        File.Copy(_catalogue.Path, other);

        var result = await CliProcess.RunAsync(command, _catalogue.Path, "--file", other, "--data-dir", _catalogue.DataDir);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"Two catalogues given: FILE '{_catalogue.Path}' and --file '{other}'.", Flat(result.Stderr), StringComparison.Ordinal);
        Assert.Contains($"fix: give one, such as drills {command} --file {other}", Flat(result.Stderr), StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Position_and_file_option_naming_the_same_catalogue_is_accepted()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, _catalogue.Path);

        var result = await CliProcess.RunAsync("validate", _catalogue.Path, "--file", relative, "--data-dir", _catalogue.DataDir);

        Assert.Equal(ExitCodes.Passed, result.ExitCode);
        Assert.Contains("is valid", Flat(result.Stdout), StringComparison.Ordinal);
    }

    public void Dispose() => _catalogue.Dispose();
}
