using Drills.Reports.Rendering;

namespace Drills.Reports.Index;

/// <summary>Draws the index as one self-contained HTML page: inline CSS and SVG, no scripts, nothing fetched.</summary>
internal static class IndexPage
{
    // Parsed once per process; a parsed template is thread-safe.
    private static readonly Lazy<ReportTemplate> Template = new(() => ReportTemplate.FromResource("index.html"));
    private static readonly Lazy<string> Stylesheet = new(() => EmbeddedTemplates.Read("index.css"));

    /// <summary>The file name of the index in the reports folder.</summary>
    public const string FileName = "index.html";

    public static string Render(CioIndex index, IndexContext context) =>
        Template.Value.Render(IndexViewBuilder.Build(index, context), Stylesheet.Value);
}
