using System.Globalization;
using System.Text;
using Drills.Scenarios.Text;

namespace Drills.Reports.Rendering;

/// <summary>
/// Text that is already HTML-encoded. Scriban escapes nothing, so view models expose only this
/// type: the one way to make a value is <see cref="Encode"/>, and a template can print nothing raw.
/// </summary>
internal readonly record struct HtmlText
{
    private HtmlText(string encoded) => Encoded = encoded;

    public string Encoded { get; }

    public static HtmlText Empty { get; } = new(string.Empty);

    /// <summary>
    /// Encodes for element content and quoted attribute values alike. Only the five characters
    /// that carry meaning in markup (and control characters) are replaced: the page is UTF-8, so Vietnamese
    /// (and "+" in "+07:00") stays readable in the source, which general-purpose web encoders do not allow.
    /// Secrets are masked first (<see cref="Secrets"/>).
    /// </summary>
    public static HtmlText Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Empty;
        }

        // Secrets and URL passwords never reach a page, whichever value carried them.
        text = Secrets.Redact(text);
        var encoded = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            var entity = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                // A NUL is a parse error in HTML; show that something was there instead.
                '\0' => "\uFFFD",
                // Other controls (ESC, BEL, CSI…) from a target's output show as visible signs, so the
                // file is inert in a browser and in a terminal alike.
                '\n' or '\t' or '\r' => null,
                < ' ' => ((char)('\u2400' + c)).ToString(),
                '\u007f' => "\u2421",
                >= '\u0080' and <= '\u009f' => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => null,
            };
            if (entity is null)
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append(entity);
            }
        }

        return new HtmlText(encoded.ToString());
    }

    // Scriban prints a value through ToString, so this is what lands in the page.
    public override string ToString() => Encoded ?? string.Empty;
}
