using Drills.Reports.Rendering;

namespace Drills.Reports.AfterAction;

/// <summary>
/// A printable phrase in both languages, each side already encoded. The template's <c>t</c> function prints
/// the side(s) the report's language asks for. <see cref="Untranslated"/> marks a Vietnamese side that is the
/// English text because no translation is known: a Vietnamese-only report says so beside it.
/// </summary>
internal sealed record BiText(HtmlText Vi, HtmlText En, bool Untranslated = false)
{
    public static BiText Empty { get; } = new(HtmlText.Empty, HtmlText.Empty);

    public static BiText Of(Bilingual text) => new(HtmlText.Encode(text.Vi), HtmlText.Encode(text.En));

    public static BiText Same(string? text)
    {
        var encoded = HtmlText.Encode(text);
        return new(encoded, encoded);
    }

    /// <summary>A recorded English message, with its Vietnamese text where one is known.</summary>
    public static BiText Translated(string english, string? vietnamese) =>
        vietnamese is null ? Same(english) with { Untranslated = true } : new(HtmlText.Encode(vietnamese), HtmlText.Encode(english));

    public bool IsEmpty => Vi.Encoded.Length == 0 && En.Encoded.Length == 0;
}
