using System.Globalization;
using System.Text;
using Drills.Reports.Index;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Loading;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Reports.Index;

/// <summary>Catalogues written as YAML and run records made short, for the CIO index's tests.</summary>
internal static class IndexFixtures
{
    /// <summary>The index's "now" in every test: a fake clock's reading, never the machine's.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A system's YAML: one container, one check, nothing else.</summary>
    public static string Declared(string id, int level = 3, string agency = "Agency A", string? title = null, string? rto = null)
    {
        var port = 18100 + Math.Abs(id.GetHashCode(StringComparison.Ordinal) % 800);
        return $$"""
              {{id}}:
                title: "{{(title ?? "System " + id).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}}"
                agency: {{agency}}
                security_level: {{level}}
            {{(rto is null ? "" : $"    rto_target: {rto}\n")}}    container: { image: drills/portal:1, name: drills-{{id}} }
                checks:
                  - tcp: 127.0.0.1:{{port}}

            """;
    }

    /// <summary>A valid catalogue of the systems given, with an optional <c>levels:</c> section.</summary>
    public static DrillCatalogue Catalogue(IEnumerable<string> systems, string? levels = null)
    {
        var yaml = new StringBuilder("version: 1\n");
        if (levels is not null)
        {
            yaml.Append("levels:\n").Append(levels).Append('\n');
        }

        yaml.Append("systems:\n");
        var ids = new List<string>();
        foreach (var system in systems)
        {
            yaml.Append(system);
            ids.Add(system.TrimStart().Split(':')[0]);
        }

        // Every system gets one scenario: a catalogue must have some.
        yaml.Append("scenarios:\n");
        foreach (var id in ids)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  {id}-kill:\n    title: Kill {id}\n    system: {id}\n")
                .Append("    attack: [ { kill: {} } ]\n    restore: [ { restart: {} } ]\n    verify: [checks]\n");
        }

        var loaded = CatalogueLoader.LoadText(yaml.ToString(), "index-test.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors.Select(e => $"{e.Location.Line}: {e.Message}")) + "\n" + yaml);
        return loaded.Catalogue!;
    }

    /// <summary>A finished run of a system. A run aborted before its attack has no steps, as the engine records it.</summary>
    public static RunRecord Run(string system, RunOutcome outcome, DateTimeOffset started, TimeSpan? recovery,
        TimeSpan? target = null, int level = 3, string agency = "Agency A", string? title = null, bool attacked = true)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{started:yyyyMMdd-HHmmss}-{system}-{outcome}").ToLowerInvariant();
        return new RunRecord
        {
            RunId = id,
            ScenarioId = system + "-kill",
            ScenarioTitle = "Kill " + system,
            SystemId = system,
            SystemTitle = title ?? "System " + system,
            Agency = agency,
            SecurityLevel = level,
            ContainerName = "drills-" + system,
            CatalogueSha256 = new string('0', 64),
            StartedAtUtc = started,
            EndedAtUtc = outcome is RunOutcome.Running ? null : started.AddMinutes(1),
            Outcome = outcome,
            RecoveryTime = recovery,
            RtoTarget = target ?? TimeSpan.FromHours(4),
            ReportPath = $"/var/lib/drills/reports/{id}.html",
            Steps = attacked && outcome is not RunOutcome.Skipped
                ? [new StepResult("attack", 1, "kill", "Kill the container", true, TimeSpan.Zero, TimeSpan.FromSeconds(1), "killed")]
                : [],
        };
    }

    public static CioIndex Build(DrillCatalogue? catalogue, IEnumerable<RunRecord> runs, IndexFilter? filter = null) =>
        IndexBuilder.Build(catalogue, new RecordHistory(runs), Now, filter ?? IndexFilter.All);

    public static IReadOnlyList<string> Order(CioIndex index) => index.Rows.Select(row => row.SystemId).ToArray();

    public static IndexRow Row(CioIndex index, string system) => index.Rows.Single(row => row.SystemId == system);
}
