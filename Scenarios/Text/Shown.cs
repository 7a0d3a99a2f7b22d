using System.Globalization;
using System.Text;

namespace Drills.Scenarios.Text;

/// <summary>
/// Text from a user's file as an error message shows it: cut short, with control and invisible formatting
/// characters written as escapes, so a message stays one short line whatever the file held and cannot
/// move a terminal's cursor or reorder the text around it.
/// </summary>
internal static class Shown
{
    /// <summary>Characters of a written value a message quotes before cutting it with '…'.</summary>
    public const int MaxQuoted = 80;

    /// <summary>A whole message or fix: long enough for any the loader writes, short enough to bound the output.</summary>
    public const int MaxMessage = 1000;

    public static string Quote(string text) => Cut(Escape(text), MaxQuoted);

    public static string Message(string text) => Cut(Escape(text), MaxMessage);

    /// <summary>True for characters that do not show as themselves: controls, and format characters such as
    /// zero-width spaces and right-to-left overrides.</summary>
    public static bool IsInvisible(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static string Escape(string text)
    {
        if (!text.Any(IsInvisible))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(IsInvisible(c) ? $"\\u{(int)c:X4}" : c);
        }

        return escaped.ToString();
    }

    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, end), "…");
    }
}
