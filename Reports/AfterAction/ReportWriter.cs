using System.Text;
using Drills.Reports.Files;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>Writes a run's report to &lt;directory&gt;/&lt;run id&gt;.html.</summary>
internal sealed class ReportWriter(AfterActionReport report)
{
    public ReportWriter()
        : this(new AfterActionReport())
    {
    }

    /// <returns>The full path of the written report.</returns>
    public async Task<string> WriteAsync(
        RunRecord run, ReportContext context, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var fileName = FileNameFor(run.RunId);
        var html = report.Render(run, context);

        PrivateFiles.CreateFolder(directory);
        var path = Path.GetFullPath(Path.Combine(directory, fileName));

        // Replaced whole, so a reader never opens half a report.
        await PrivateFiles.ReplaceAsync(path, new UTF8Encoding(false).GetBytes(html), cancellationToken);
        return path;
    }

    // The run id becomes a file name, so it must not be able to climb out of the directory.
    private static string FileNameFor(string runId)
    {
        var invalid = Path.GetInvalidFileNameChars();
        if (string.IsNullOrWhiteSpace(runId)
            || runId.IndexOfAny(invalid) >= 0
            || runId.Contains('/') || runId.Contains('\\')
            || runId.StartsWith('.'))
        {
            throw new ArgumentException(
                $"Run id '{runId}' cannot be used as a report file name; run ids must not contain path characters or start with '.'.",
                nameof(runId));
        }

        return runId + ".html";
    }
}
