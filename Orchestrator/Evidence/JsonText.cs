using System.Text.Json;

namespace Drills.Orchestrator.Evidence;

/// <summary>Reads a string a bundle's JSON must hold: a null or a number where text belongs is a malformed file, not a crash.</summary>
internal static class JsonText
{
    public static string Required(JsonElement element, string name) =>
        element.GetProperty(name) is { ValueKind: JsonValueKind.String } value
            ? value.GetString()!
            : throw new FormatException($"'{name}' is not a string");
}
