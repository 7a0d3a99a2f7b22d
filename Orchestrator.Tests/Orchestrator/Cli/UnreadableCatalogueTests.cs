using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Tests.Integration;

using static Drills.Orchestrator.Tests.Orchestrator.Cli.ScheduledCatalogue;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

/// <summary>A file that once killed the process (deep nesting overflowed the stack) is bad input like any other.</summary>
public sealed class UnreadableCatalogueTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("drills-unreadable-").FullName;

    [Fact]
    public async Task Validate_of_deeply_nested_yaml_is_bad_input_at_the_nesting()
    {
        var file = Path.Combine(_folder, "deep.yaml");
        await File.WriteAllTextAsync(file, new string('[', 63 * 1024));

        var result = await CliProcess.RunAsync("validate", file, "--data-dir", Path.Combine(_folder, "data"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("deep.yaml:1:33: error: The YAML nests more than 32 mappings and lists deep here", Flat(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_of_a_50_MB_file_is_bad_input_naming_the_limit()
    {
        var file = Path.Combine(_folder, "huge.yaml");
        await using (var stream = File.Create(file))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var result = await CliProcess.RunAsync("validate", file, "--data-dir", Path.Combine(_folder, "data"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("huge.yaml' is larger than 4 MiB, the most drills reads", Flat(result.Stderr), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
