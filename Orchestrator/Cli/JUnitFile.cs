using System.CommandLine;
using System.Text;
using Drills.Orchestrator.Errors;
using Drills.Reports.Files;
using Drills.Reports.Machine;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Cli;

/// <summary>
/// <c>drills run --junit FILE</c>: the command's drills as one JUnit XML file. The path is checked before any drill
/// runs (a bad one is exit 2 with its fix, nothing attacked); the file is written whole, through a temporary name
/// in its folder, when the drills have ended.
/// </summary>
internal static class JUnitFile
{
    public static Option<string?> Option() => new("--junit")
    {
        Description = "Also write the results as JUnit XML to FILE (one test case per drill), for a CI pipeline to gate on",
        HelpName = "FILE",
    };

    /// <summary>The full path to write, after making sure its folder exists and takes a new file; null without the option.</summary>
    public static string? Check(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw Bad("--junit needs a file path.", "give a file, for example --junit results/drills.xml");
        }

        var path = Path.GetFullPath(value);
        var folder = Path.GetDirectoryName(path)!;
        if (Directory.Exists(path))
        {
            throw Bad($"--junit {value} is a folder, not a file.", $"name a file inside it, for example --junit {Path.Combine(value, "drills.xml")}");
        }

        if (!Directory.Exists(folder))
        {
            throw Bad($"--junit {value}: the folder {folder} does not exist.", $"create it first (mkdir -p {folder}) or give a file in an existing folder");
        }

        var probe = PrivateFiles.TemporaryPathFor(path);
        try
        {
            PrivateFiles.CreateNew(probe).Dispose();
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Bad($"--junit {value}: cannot write in {folder}: {ex.Message}", "give a file in a folder you can write to");
        }

        return path;
    }

    /// <summary>Writes the file whole; false (with the reason on <paramref name="errors"/>) when it could not be written.</summary>
    public static async Task<bool> WriteAsync(string path, IReadOnlyList<RunRecord> runs, TextWriter errors, CancellationToken cancellationToken)
    {
        try
        {
            await PrivateFiles.ReplaceAsync(path, Encoding.UTF8.GetBytes(JUnitWriter.Write(runs)), cancellationToken);
            errors.WriteLine($"JUnit: {path}");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: JUnit file {path} not written: {ex.Message}. The drills ran and are recorded; see drills runs.");
            return false;
        }
    }

    private static CliException Bad(string problem, string fix) => new(ExitCodes.BadInput, problem, fix);
}
