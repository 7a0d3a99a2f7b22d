using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;
using Scriban.Syntax;

namespace Drills.Reports.AfterAction;

/// <summary>Draws one run as a self-contained HTML after-action report (báo cáo sau diễn tập).</summary>
internal sealed class AfterActionReport
{
    // Parsed once per process: parsing is the expensive part and a parsed template is thread-safe.
    private static readonly Lazy<ReportTemplate> SharedTemplate = new(() => ReportTemplate.FromResource("report.html"));
    private static readonly Lazy<string> SharedStylesheet = new(() => EmbeddedTemplates.Read("report.css"));

    // Instances share the cached template; the fields keep Render an instance seam callers can hold.
    private readonly Lazy<ReportTemplate> template = SharedTemplate;
    private readonly Lazy<string> stylesheet = SharedStylesheet;

    public string Render(RunRecord run, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(context);
        var view = AfterActionViewBuilder.Build(run, context);
        try
        {
            return template.Value.Render(view, stylesheet.Value, new LanguageFunctions(context.Language).All);
        }
        catch (ScriptRuntimeException ex)
        {
            // A template fault is this build's bug, never the run's: callers that keep the run whatever the report does catch this.
            throw new InvalidOperationException($"The report of {run.RunId} could not be rendered: {ex.Message}", ex);
        }
    }
}
