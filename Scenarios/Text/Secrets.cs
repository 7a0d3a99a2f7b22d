using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Drills.Scenarios.Text;

/// <summary>
/// Masks secrets in text that leaves the process (log sinks, the journal, the run store, reports, the
/// terminal): every secret value the catalogue read from the environment, and the password of any URL's
/// user-info (<c>http://user:***@host/</c>). Process-wide on purpose: a value read once is masked on every
/// path a text can take afterwards, including ones written long after the catalogue was loaded.
/// </summary>
internal static partial class Secrets
{
    public const string Mask = "***";

    /// <summary>Shorter values are not masked: three characters would hide half of every text.</summary>
    public const int MinLength = 4;

    private static readonly Lock Gate = new();
    private static string[] _values = [];

    /// <summary>Remembers a secret value (and its JSON-escaped form, as stored) so it is masked from now on.</summary>
    public static void Register(string value)
    {
        if (value.Length < MinLength)
        {
            return;
        }

        string[] forms = [value, JsonEncodedText.Encode(value).ToString(), JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()];
        lock (Gate)
        {
            // Longest first: a secret that contains another is masked whole.
            _values = [.. _values.Union(forms).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)];
        }
    }

    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var value in Volatile.Read(ref _values))
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, Mask, StringComparison.Ordinal);
            }
        }

        return text.Contains("://", StringComparison.Ordinal) ? UserInfoPassword().Replace(text, Mask) : text;
    }

    public static string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    // scheme://user:PASSWORD@ — the password is what follows the first ':' of the user-info.
    [GeneratedRegex(@"(?<=\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s/?#@:]*:)[^\s/?#@]+(?=@)")]
    private static partial Regex UserInfoPassword();
}
