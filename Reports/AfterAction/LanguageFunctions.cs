using Drills.Reports.Rendering;

namespace Drills.Reports.AfterAction;

/// <summary>
/// The template's language functions: every label and phrase goes through one of them, so a Vietnamese-only
/// report carries no English label, an English-only one no Vietnamese, and a bilingual one shows Vietnamese
/// first with English beside it. Arguments are template literals (markup the template owns) or encoded view
/// values (<see cref="HtmlText"/>, <see cref="BiText"/>), never raw user text.
/// </summary>
internal sealed class LanguageFunctions(ReportLanguage language)
{
    private const string UntranslatedMark = " <span class=\"untranslated\">(EN)</span>";

    public IReadOnlyDictionary<string, Delegate> All => new Dictionary<string, Delegate>
    {
        // {{ t bi }} and {{ tt "vi" "en" }}: inline, with the English in a muted span when both are printed.
        ["t"] = new Func<object?, string>(value => Inline(Sides(value, null))),
        ["tt"] = new Func<object?, object?, string>((vi, en) => Inline(Sides(vi, en))),

        // {{ tb bi }} and {{ ttb "vi" "en" }}: a block, the English on its own line when both are printed.
        ["tb"] = new Func<object?, string>(value => Block(Sides(value, null))),
        ["ttb"] = new Func<object?, object?, string>((vi, en) => Block(Sides(vi, en))),

        // {{ p bi }} and {{ pp "vi" "en" }}: plain text ("vi / en"), for attributes and SVG text where no span may go.
        ["p"] = new Func<object?, string>(value => Plain(Sides(value, null))),
        ["pp"] = new Func<object?, object?, string>((vi, en) => Plain(Sides(vi, en))),
    };

    private string Inline((string Vi, string En, bool Untranslated) text) => language switch
    {
        ReportLanguage.Vi => text.Untranslated && text.Vi.Length > 0 ? text.Vi + UntranslatedMark : text.Vi,
        ReportLanguage.En => text.En,
        _ when text.Vi == text.En || text.En.Length == 0 => text.Vi,
        _ when text.Vi.Length == 0 => text.En,
        _ => $"{text.Vi} <span class=\"en\" lang=\"en\">/ {text.En}</span>",
    };

    private string Block((string Vi, string En, bool Untranslated) text) => language switch
    {
        ReportLanguage.Both when text.Vi != text.En && text.Vi.Length > 0 && text.En.Length > 0 =>
            $"<span class=\"vi-part\">{text.Vi}</span><span class=\"en en-part\" lang=\"en\">{text.En}</span>",
        _ => Inline(text),
    };

    private string Plain((string Vi, string En, bool Untranslated) text) => language switch
    {
        ReportLanguage.Vi => text.Untranslated && text.Vi.Length > 0 ? text.Vi + " (EN)" : text.Vi,
        ReportLanguage.En => text.En,
        _ when text.Vi == text.En || text.En.Length == 0 => text.Vi,
        _ when text.Vi.Length == 0 => text.En,
        _ => $"{text.Vi} / {text.En}",
    };

    private static (string Vi, string En, bool Untranslated) Sides(object? first, object? second) => first switch
    {
        BiText bi => (bi.Vi.Encoded, bi.En.Encoded, bi.Untranslated),
        _ when second is null => (Markup(first), Markup(first), false),
        _ => (Markup(first), Markup(second), false),
    };

    // Template literals are the template's own markup; view values are HtmlText, already encoded.
    private static string Markup(object? value) => value switch
    {
        null => "",
        HtmlText html => html.Encoded,
        string literal => literal,
        _ => throw new InvalidOperationException(
            $"The report template passed a {value.GetType().Name} to a language function; pass a literal, HtmlText or BiText."),
    };
}
