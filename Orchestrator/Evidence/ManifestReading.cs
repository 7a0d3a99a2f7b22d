using System.Text.Json;

namespace Drills.Orchestrator.Evidence;

/// <summary>What a verifier needs from a manifest.json: its subjects, the run, and where the journal's chain ends.</summary>
internal sealed record ManifestReading(IReadOnlyList<ManifestSubject> Subjects, string? RunId, string? JournalHead, int? JournalEvents)
{
    /// <summary>Reads a manifest; throws <see cref="InvalidDataException"/> when it is not a drills run statement.</summary>
    public static ManifestReading Parse(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.GetProperty("_type").GetString() != RunManifest.StatementType || root.GetProperty("predicateType").GetString() != RunManifest.PredicateType)
            {
                throw new InvalidDataException($"it is not an in-toto statement of type {RunManifest.PredicateType}");
            }

            var subjects = root.GetProperty("subject").EnumerateArray()
                .Select(s => new ManifestSubject(JsonText.Required(s, "name"), JsonText.Required(s.GetProperty("digest"), "sha256")))
                .ToArray();
            var predicate = root.GetProperty("predicate");
            var journal = predicate.GetProperty("journal");
            return new ManifestReading(subjects, predicate.GetProperty("runId").GetString(),
                journal.GetProperty("head").ValueKind == JsonValueKind.String ? journal.GetProperty("head").GetString() : null,
                journal.GetProperty("events").GetInt32());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"it cannot be read as a manifest ({ex.Message.TrimEnd('.')})", ex);
        }
    }
}
