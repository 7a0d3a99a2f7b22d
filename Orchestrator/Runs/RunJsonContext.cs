using System.Text.Json.Serialization;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Runs;

/// <summary>
/// Metadata for run records generated at build time, so a command that reads a few stored runs does not first spend
/// most of its time reflecting over the record's types and emitting their accessors. Metadata only: names, enums and
/// escaping still come from <see cref="RunJson.Options"/>, so the JSON is the same as the reflection-based one.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(RunRecord))]
internal sealed partial class RunJsonContext : JsonSerializerContext
{
}
