using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Drills.Reports.Rendering;

/// <summary>
/// Lets a template <c>include</c> another embedded template by file name (<c>{{ include "report-data-loss.html" }}</c>),
/// so a long page is kept as one file per section. Only files embedded in this assembly can be named.
/// </summary>
internal sealed class EmbeddedTemplateLoader : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => EmbeddedTemplates.Read(templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Load(context, callerSpan, templatePath));
}
