using System.Text.RegularExpressions;

namespace Drills.Scenarios.Loading;

/// <summary>What Docker accepts as a network name.</summary>
internal static partial class NetworkNames
{
    public static bool IsValid(string name) => name.Length <= 128 && Pattern().IsMatch(name);

    // \z, not $: $ also matches before a final newline.
    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9_.-]*\z")]
    private static partial Regex Pattern();
}
