using Drills.Orchestrator.Tests.Scenarios;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

/// <summary>A catalogue file with one scheduled scenario (line 12 holds its schedule) and one on demand, in a folder of its own.</summary>
internal sealed class ScheduledCatalogue : IDisposable
{
    public ScheduledCatalogue(string schedule = "30 2 * * 1-5", string calendars = "  tet: { dates: [\"2027-02-05..2027-02-11\"] }", string blackout = "[tet]")
    {
        var yaml = CatalogueText.With("    system: web", $"    system: web\n    schedule: \"{schedule}\"\n    blackout: {blackout}")
                   + "  web-stop:\n    title: Stop\n    system: web\n    attack: [{ stop: {} }]\n    restore: [{ start: {} }]\n"
                   + $"calendars:\n{calendars}\n";
        File.WriteAllText(Path, yaml);
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("drills-schedule-").FullName;

    public string Path => System.IO.Path.Combine(Folder, CatalogueText.FileName);

    public string DataDir => System.IO.Path.Combine(Folder, "data");

    /// <summary>Terminal output with its line wrapping undone, so a message is found whatever the path length.</summary>
    public static string Flat(string output) => System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
