using System.Text.Json;
using System.Text.Json.Serialization;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Runs;

/// <summary>One JSON shape for run records, in the store and on stdout.</summary>
internal static class RunJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = false,
        // Output goes to terminals, files and scripts, never into HTML: keep Vietnamese text and quotes readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A record as drills writes it to disk: secrets masked, so none reaches a file.</summary>
    public static string SerializeMasked(RunRecord run) => Secrets.Redact(JsonSerializer.Serialize(run, Options));
}
