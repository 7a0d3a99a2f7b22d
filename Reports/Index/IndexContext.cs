namespace Drills.Reports.Index;

/// <summary>What the index page needs beyond the index: the build, the reader's zone and where the page and the reports sit.</summary>
/// <param name="ReportsFolder">The data directory's reports folder, where every run's report is written as &lt;run id&gt;.html.</param>
/// <param name="PageFolder">The folder the page is written to (the reports folder by default): links are relative to it.</param>
internal sealed record IndexContext(string ToolVersion, TimeZoneInfo DisplayZone, string ReportsFolder, string PageFolder)
{
    /// <summary>
    /// The relative link to a run's report, found by its file name in the reports folder (so a data directory
    /// that moved still links); each path segment percent-encoded. Null for a run without a report.
    /// </summary>
    public string? LinkTo(string? reportPath)
    {
        if (string.IsNullOrEmpty(reportPath))
        {
            return null;
        }

        var report = Path.Combine(Path.GetFullPath(ReportsFolder), Path.GetFileName(reportPath));
        var relative = Path.GetRelativePath(Path.GetFullPath(PageFolder), report).Replace('\\', '/');
        return string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
    }
}
