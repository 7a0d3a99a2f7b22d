namespace Drills.Orchestrator.Tests.Scenarios;

/// <summary>The edges of the safety rules that must still load, so the rules refuse only what is unsafe.</summary>
public sealed class SafeCatalogueTests
{
    private const string Ports = "ports: [\"127.0.0.1:18080:80\"] }";

    public static TheoryData<string, string> SafeFiles => new()
    {
        { "named volume", CatalogueText.With(Ports, "ports: [\"127.0.0.1:18080:80\"], volumes: [\"drills-web-data:/srv/www\"] }") },
        { "read-only and read-write named volumes", CatalogueText.With(Ports, "ports: [\"127.0.0.1:18080:80\"], volumes: [\"web.data_1:/srv/www:ro\", \"web-logs:/var/log:rw\"] }") },
        { "encrypt the data path itself and a folder under it", CatalogueText.WithData("kill: {}", "encrypt-files: { paths: [/srv/www, /srv/www/uploads/] }") },
        { "delete a path written with dots that stays inside", CatalogueText.WithData("kill: {}", "delete-files: { paths: [/srv/www/./a/../b] }") },
        { "deface a file under the data path", CatalogueText.WithData("kill: {}", "deface: { path: /srv/www/index.html, content: x }") },
        { "data path written with a trailing slash", CatalogueText.Swap(CatalogueText.With(CatalogueText.ChecksLine, CatalogueText.ChecksLine + "\n    data: { paths: [/srv/www/] }"), "kill: {}", "delete-files: { paths: [/srv/www] }") },
        { "max_duration of exactly 7d and probe_interval of exactly 100ms", CatalogueText.With("version: 1\n", "version: 1\ndefaults: { max_duration: 7d, probe_interval: 100ms }\n") },
        { "wait just below the scenario's max_duration", CatalogueText.With("    system: web", "    system: web\n    max_duration: 5m").Replace("start: {}", "wait: 4m59s", StringComparison.Ordinal) },
        { "wait just below the default max_duration", CatalogueText.With("start: {}", "wait: 1h59m") },
    };

    [Theory]
    [MemberData(nameof(SafeFiles))]
    public void Safe_file_loads_without_errors(string name, string yaml)
    {
        var result = CatalogueText.Load(yaml);

        Assert.True(result.IsValid, $"{name}:\n{string.Join("\n", result.Errors)}");
    }

    [Fact]
    public void Scenario_with_a_bad_max_duration_does_not_also_measure_its_waits_against_the_default()
    {
        var yaml = CatalogueText.With("    system: web", "    system: web\n    max_duration: 8d").Replace("start: {}", "wait: 3h", StringComparison.Ordinal);

        var error = Assert.Single(CatalogueText.Load(yaml).Errors);

        Assert.Contains("longer than the 7d limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_unsafe_path_of_one_step_is_reported()
    {
        var yaml = CatalogueText.WithData("kill: {}", "delete-files: { paths: [/etc, /srv/www, /home] }");

        var errors = CatalogueText.Load(yaml).Errors;

        Assert.Equal(2, errors.Count(e => e.Message.Contains("is outside the data paths", StringComparison.Ordinal)));
    }
}
