using System.Globalization;
using System.Text;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Loading;

namespace Drills.Bench.Store;

/// <summary>
/// A catalogue of many systems for the store's benchmark: each a portal-like container with two checks and two
/// scenarios (a kill and a ransomware drill), spread over five agencies and every security level.
/// </summary>
internal static class BenchCatalogue
{
    public const string TimeZone = "Asia/Ho_Chi_Minh";

    public static string SystemId(int i) => string.Create(CultureInfo.InvariantCulture, $"system-{i:00}");

    public static string ScenarioId(int system, int kind) => SystemId(system) + (kind == 0 ? "-kill" : "-ransomware");

    public static string Agency(int i) => string.Create(CultureInfo.InvariantCulture, $"Provincial Department {i % 5 + 1} / Sở {i % 5 + 1}");

    public static int Level(int i) => 1 + (i % 5);

    /// <summary>Writes the YAML to <paramref name="path"/> and returns the catalogue as drills loads it (its SHA-256 included).</summary>
    public static DrillCatalogue Write(string path, int systems)
    {
        var yaml = Yaml(systems);
        File.WriteAllText(path, yaml);
        var loaded = CatalogueLoader.LoadText(yaml, path);
        return loaded.Catalogue
               ?? throw new InvalidOperationException("bench catalogue does not load: " + string.Join("; ", loaded.Errors.Select(e => $"{e.Location.Line}: {e.Message}")));
    }

    private static string Yaml(int systems)
    {
        var yaml = new StringBuilder().Append(CultureInfo.InvariantCulture, $"version: 1\ndefaults: {{ timezone: {TimeZone}, probe_interval: 500ms, max_duration: 10m }}\nsystems:\n");
        for (var i = 0; i < systems; i++)
        {
            var port = 20000 + i;
            yaml.Append(CultureInfo.InvariantCulture, $$"""
                  {{SystemId(i)}}:
                    title: "System {{i}} / Hệ thống {{i}}"
                    agency: "{{Agency(i)}}"
                    security_level: {{Level(i)}}
                    rto_target: 4h
                    container: { image: drills/portal:1, name: drills-bench-store-{{SystemId(i)}}, ports: ["127.0.0.1:{{port}}:8080"] }
                    checks:
                      - http: http://127.0.0.1:{{port}}/health
                        expect: 200
                      - tcp: 127.0.0.1:{{port}}
                    data: { paths: [/srv/www] }

                """);
        }

        yaml.Append("scenarios:\n");
        for (var i = 0; i < systems; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $$"""
                  {{ScenarioId(i, 0)}}:
                    title: Kill {{SystemId(i)}}
                    system: {{SystemId(i)}}
                    technique: T1489
                    attack: [ { kill: {} } ]
                    restore: [ { restart: {} } ]
                    verify: [checks]
                  {{ScenarioId(i, 1)}}:
                    title: Ransomware encrypts {{SystemId(i)}}
                    system: {{SystemId(i)}}
                    technique: T1486
                    attack: [ { encrypt-files: { paths: [/srv/www] } } ]
                    restore: [ { restore-backup: baseline }, { restart: {} } ]
                    verify: [checks, integrity]

                """);
        }

        return yaml.ToString();
    }
}
