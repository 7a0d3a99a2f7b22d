namespace Drills.Orchestrator.Tests.Support.Browser;

/// <summary>Where the browser tests leave what a person may want to look at: pages, screenshots, PDFs.</summary>
internal static class BrowserArtifacts
{
    public static string Folder { get; } =
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "browser")).FullName;

    public static string PathFor(string fileName) => Path.Combine(Folder, fileName);

    /// <summary>Writes a page to open from file://, kept beside its screenshot.</summary>
    public static string Write(string fileName, string html)
    {
        var path = PathFor(fileName);
        File.WriteAllText(path, html);
        return path;
    }
}
