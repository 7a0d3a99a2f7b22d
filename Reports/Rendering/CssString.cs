using System.Globalization;
using System.Text;

namespace Drills.Reports.Rendering;

/// <summary>
/// Text for the inside of a quoted CSS string in a &lt;style&gt; element, where HTML entities mean nothing:
/// every character but a letter, digit or space becomes a CSS escape, so no quote, backslash or
/// &lt;/style&gt; can end the string or the element.
/// </summary>
internal static class CssString
{
    public static HtmlText Escape(string? text)
    {
        var escaped = new StringBuilder();
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value == ' '))
            {
                escaped.Append((char)rune.Value);
            }
            else
            {
                escaped.Append('\\').Append(rune.Value.ToString("x6", CultureInfo.InvariantCulture));
            }
        }

        // Only letters, digits, spaces and backslashes remain, which HTML-encoding leaves as they are.
        return HtmlText.Encode(escaped.ToString());
    }
}
