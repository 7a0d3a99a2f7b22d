using System.Text;
using System.Text.RegularExpressions;

namespace Drills.Orchestrator.Tests.Support.Browser;

/// <summary>Counts a PDF's pages by their page objects (Chromium writes them as plain dictionaries).</summary>
internal static partial class PdfPages
{
    public static int Count(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    /// <summary>True when the bytes start like a PDF and end with its end-of-file marker.</summary>
    public static bool LooksWhole(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        return text.StartsWith("%PDF-", StringComparison.Ordinal) && text.TrimEnd().EndsWith("%%EOF", StringComparison.Ordinal);
    }

    // "/Type /Page" but not "/Type /Pages", the tree's inner nodes.
    [GeneratedRegex(@"/Type\s*/Page\b")]
    private static partial Regex PageObject();
}
