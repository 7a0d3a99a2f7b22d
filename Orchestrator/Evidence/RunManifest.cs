using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Drills.Scenarios.Durations;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Evidence;

/// <summary>
/// manifest.json: an in-toto Statement v1 whose subjects are the evidence files with their SHA-256 and whose
/// predicate (type <see cref="PredicateType"/>, a URI this product owns; it names the shape, nothing is fetched
/// from it) says what was drilled, by whom, when, and where the journal's chain ends. Keys in a fixed order,
/// indented with "\n", no clock read: the same facts always give the same bytes, so the file is written once.
/// </summary>
internal static class RunManifest
{
    public const string StatementType = "https://in-toto.io/Statement/v1";
    public const string PredicateType = "https://drills.example.gov.vn/evidence/drill-run/v1";

    private static readonly JsonWriterOptions Writer = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(ManifestFacts facts)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("_type", StatementType);
            json.WriteStartArray("subject");
            foreach (var subject in facts.Subjects)
            {
                json.WriteStartObject();
                json.WriteString("name", subject.Name);
                json.WriteStartObject("digest");
                json.WriteString("sha256", subject.Sha256);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("predicateType", PredicateType);
            json.WritePropertyName("predicate");
            WritePredicate(json, facts);
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WritePredicate(Utf8JsonWriter json, ManifestFacts facts)
    {
        var run = facts.Run;
        json.WriteStartObject();
        json.WriteString("runId", run.RunId);
        json.WriteString("outcome", run.Outcome.ToString().ToLowerInvariant());
        WriteCatalogue(json, facts.Catalogue);
        json.WriteStartArray("images");
        if (run.ImageDigest is { } digest)
        {
            json.WriteStartObject();
            json.WriteString("container", run.ContainerName);
            json.WriteString("digest", digest);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("orchestrator");
        json.WriteString("name", "drills");
        json.WriteString("version", facts.OrchestratorVersion);
        json.WriteEndObject();
        json.WriteString("host", facts.Host);
        Text(json, "startedBy", run.StartedBy);
        json.WriteString("startedAtUtc", Stamp(run.StartedAtUtc));
        Text(json, "endedAtUtc", run.EndedAtUtc is { } ended ? Stamp(ended) : null);
        json.WriteStartObject("journal");
        json.WriteNumber("events", facts.Journal?.Events ?? 0);
        Text(json, "head", facts.Journal?.Hash);
        if (facts.UnchainedInStore > 0)
        {
            json.WriteNumber("unchainedInStore", facts.UnchainedInStore);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteCatalogue(Utf8JsonWriter json, CatalogueFacts catalogue)
    {
        json.WriteStartObject("catalogue");
        json.WriteString("sha256", catalogue.Sha256);
        var scenario = catalogue.Scenario;
        json.WriteStartObject("scenario");
        json.WriteString("id", Secrets.Redact(scenario.Id));
        json.WriteString("title", Secrets.Redact(scenario.Title));
        Text(json, "technique", scenario.Technique);
        List(json, "attack", scenario.Attack);
        List(json, "restore", scenario.Restore);
        Text(json, "maxDuration", scenario.MaxDuration is { } max ? DurationText.Format(max) : null);
        Text(json, "probeInterval", scenario.ProbeInterval is { } probe ? DurationText.Format(probe) : null);
        json.WriteEndObject();
        var system = catalogue.System;
        json.WriteStartObject("system");
        json.WriteString("id", Secrets.Redact(system.Id));
        json.WriteString("title", Secrets.Redact(system.Title));
        json.WriteString("agency", Secrets.Redact(system.Agency));
        json.WriteNumber("securityLevel", system.SecurityLevel);
        json.WriteString("rtoTarget", DurationText.Format(system.RtoTarget));
        json.WriteString("container", Secrets.Redact(system.Container));
        Text(json, "image", system.Image);
        List(json, "dataPaths", system.DataPaths);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, Secrets.Redact(value));
        }
    }

    private static void List(Utf8JsonWriter json, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(Secrets.Redact(value));
        }

        json.WriteEndArray();
    }

    private static string Stamp(DateTimeOffset utc) => utc.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
