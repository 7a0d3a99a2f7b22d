using System.Globalization;
using System.Text;

namespace Drills.Orchestrator.Logging;

/// <summary>
/// Text that may come from a container (command output, HTTP bodies, error messages) made harmless for a
/// terminal: every control character but newline and tab is shown as a visible sign, so a target cannot
/// retitle the operator's terminal, move its cursor or overwrite a progress line with a carriage return.
/// </summary>
internal static class TerminalText
{
    public static string Neutralise(string text)
    {
        if (!text.Any(IsControl))
        {
            return text;
        }

        var shown = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsControl(c))
            {
                shown.Append(c);
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                // A Windows line end moves to a new line like '\n' alone; it overwrites nothing.
            }
            else if (c < ' ')
            {
                shown.Append((char)('\u2400' + c)); // the Unicode control pictures: ␛ ␇ ␍ …
            }
            else if (c == '\u007f')
            {
                shown.Append('\u2421'); // ␡
            }
            else
            {
                // C1 controls (U+0080–U+009F, CSI among them) have no picture: their code, as text.
                shown.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
        }

        return shown.ToString();
    }

    private static bool IsControl(char c) => c is not ('\n' or '\t') && (c < ' ' || c is >= '\u007f' and <= '\u009f');
}
