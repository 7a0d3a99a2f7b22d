using Scriban;
using Scriban.Runtime;

namespace Drills.Reports.Rendering;

/// <summary>
/// A Scriban template parsed once and rendered many times. Each render gets its own
/// <see cref="TemplateContext"/> because contexts are not thread-safe, while the parsed template is.
/// </summary>
internal sealed class ReportTemplate
{
    // A day-long drill polled every 500 ms journals six-figure event counts; the limits stop
    // only a runaway template, never a real report.
    private const int LoopLimit = 2_000_000;
    private const int OutputLimit = 256 * 1024 * 1024;
    private const int LimitToString = 1_000_000;

    private readonly Template template;

    public ReportTemplate(string name, string source)
    {
        template = Template.Parse(source, name);
        if (template.HasErrors)
        {
            throw new InvalidOperationException(
                $"Report template '{name}' does not parse: {string.Join("; ", template.Messages)}");
        }
    }

    public static ReportTemplate FromResource(string fileName) => new(fileName, EmbeddedTemplates.Read(fileName));

    /// <summary>
    /// Renders <paramref name="model"/> as <c>report</c>. The stylesheet is the only raw string a
    /// template sees: it comes from this assembly, and HTML-encoding would break CSS inside &lt;style&gt;.
    /// <paramref name="functions"/> are the template's helpers (the language functions), by name.
    /// </summary>
    public string Render(object model, string stylesheet, IReadOnlyDictionary<string, Delegate>? functions = null)
    {
        var globals = new ScriptObject
        {
            { "report", model },
            { "stylesheet", stylesheet },
        };
        foreach (var (name, function) in functions ?? new Dictionary<string, Delegate>())
        {
            globals.Import(name, function);
        }

        var context = new TemplateContext
        {
            StrictVariables = true,
            // A misspelt member must fail a test rather than print an empty cell.
            EnableRelaxedMemberAccess = false,
            LoopLimit = LoopLimit,
            OutputLimit = OutputLimit,
            LimitToString = LimitToString,
            TemplateLoader = new EmbeddedTemplateLoader(),
        };
        context.PushGlobal(globals);
        return template.Render(context);
    }
}
