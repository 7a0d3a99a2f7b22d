using System.Xml.Linq;
using Drills.Orchestrator.Cli;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Tests.Integration;
using Drills.Orchestrator.Tests.Reports;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

/// <summary><c>drills run --junit FILE</c> refuses a path it could not write before any drill runs.</summary>
public sealed class JUnitOptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("drills-junit-").FullName;

    [Fact]
    public async Task A_file_in_a_missing_folder_is_bad_input_with_a_fix_and_nothing_runs()
    {
        var missing = Path.Combine(_folder, "no-such-folder", "drills.xml");

        var result = await CliProcess.RunAsync("run", "portal-kill", "--junit", missing, "--data-dir", Path.Combine(_folder, "data"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("mkdir -p", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "data")));
    }

    [Fact]
    public async Task A_folder_given_as_the_file_is_bad_input_with_a_fix()
    {
        var result = await CliProcess.RunAsync("run", "portal-kill", "--junit", _folder, "--data-dir", Path.Combine(_folder, "data"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("is a folder", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("drills.xml", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_file_is_written_whole_in_its_folder_with_nothing_left_beside_it()
    {
        var path = JUnitFile.Check(Path.Combine(_folder, "drills.xml"))!;
        using var errors = new StringWriter();

        var written = await JUnitFile.WriteAsync(path, [SampleRuns.Passed(), SampleRuns.Aborted()], errors, CancellationToken.None);

        Assert.True(written);
        Assert.Equal("2", (string?)XDocument.Load(path).Root!.Attribute("tests"));
        Assert.Equal(["drills.xml"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName));
        Assert.Contains(path, errors.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
