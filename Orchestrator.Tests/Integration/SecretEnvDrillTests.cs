using System.Security.Cryptography;
using System.Text;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Runs;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// A secret from drills' environment reaches the container it creates and nothing drills writes: a drill
/// whose checks echo it and carry it in a URL leaves no trace of it in any file of the data directory
/// (run store, journal, logs, reports, snapshots) nor on the CLI's stdout or stderr.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class SecretEnvDrillTests : IAsyncLifetime
{
    private const string Container = "drills-test-output-secret";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "drills-test-output-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    [Fact]
    public async Task A_secret_env_value_reaches_the_container_and_no_artefact_or_output_of_drills()
    {
        var file = await WriteCatalogueAsync();
        var environment = new Dictionary<string, string> { ["DRILLS_TEST_SECRET"] = _secret };

        var validate = await CliProcess.RunWithAsync(environment, "validate", file, "--data-dir", _folder);
        var run = await CliProcess.RunWithAsync(environment, "run", "leak", "--file", file, "--data-dir", _folder, "--verbose");
        var json = await CliProcess.RunWithAsync(environment, "run", "leak", "--file", file, "--data-dir", _folder, "--json");
        var runs = await CliProcess.RunWithAsync(environment, "runs", "--json", "--data-dir", _folder);
        var runId = new SqliteRunStore(Path.Combine(_folder, "drills.db")).List(10)[0].RunId;
        var report = await CliProcess.RunWithAsync(environment, "report", runId, "--data-dir", _folder);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.True(validate.ExitCode == ExitCodes.Passed, validate.Stdout + validate.Stderr);
        Assert.True(run.ExitCode == ExitCodes.Passed, run.Stdout + run.Stderr);
        Assert.True(json.ExitCode == ExitCodes.Passed, json.Stdout + json.Stderr);
        Assert.Equal(_secret, await DockerCli.RunAsync("exec", Container, "printenv", "DB_PASSWORD"));
        foreach (var (what, output) in new[] { ("validate", validate), ("run", run), ("run --json", json), ("runs", runs), ("report", report) })
        {
            Assert.False(output.Stdout.Contains(_secret, StringComparison.Ordinal), $"drills {what} printed the secret on stdout");
            Assert.False(output.Stderr.Contains(_secret, StringComparison.Ordinal), $"drills {what} printed the secret on stderr");
        }

        var files = Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "scenarios.yaml").ToList();
        Assert.Contains(files, f => f.EndsWith(".html", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".clef", StringComparison.Ordinal));
        Assert.Contains(files, f => Path.GetFileName(f) == "drills.db");
        var needle = Encoding.UTF8.GetBytes(_secret);
        var holding = files.Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0).ToList();
        Assert.True(holding.Count == 0, "the secret is in " + string.Join(", ", holding));
        // The run's own report, not the CIO index or the evidence copy beside it.
        var html = await File.ReadAllTextAsync(files.First(f => Path.GetFileName(f) == runId + ".html"));
        Assert.Contains("http://probe:***@127.0.0.1:18802/health", html, StringComparison.Ordinal);
        Assert.Contains("exit 0: ***", html, StringComparison.Ordinal);
    }

    private async Task<string> WriteCatalogueAsync()
    {
        // The catalogue names the variable, never the value; the URL's password is the one exception a
        // catalogue may hold, and the file lives beside, not inside, what is searched.
        var yaml = $$"""
            version: 1
            defaults: { probe_interval: 200ms, max_duration: 3m }
            systems:
              vault:
                title: Target with a secret / Hệ thống có bí mật
                security_level: 3
                rto_target: 4h
                container:
                  image: drills/portal:1
                  name: {{Container}}
                  ports: ["127.0.0.1:18802:8080"]
                  env:
                    PORTAL_TITLE: plain values keep working
                    DB_PASSWORD: { secret: true, from_env: DRILLS_TEST_SECRET }
                checks:
                  - http: http://probe:{{_secret}}@127.0.0.1:18802/health
                  - exec: ["sh", "-c", "echo password $DB_PASSWORD; test -s /srv/www/index.html"]
                    contains: password
                data: { paths: [/srv/www] }
            scenarios:
              leak:
                title: Prints the secret while it moves the home page away
                system: vault
                attack:
                  - exec: ["sh", "-c", "echo $DB_PASSWORD; echo $DB_PASSWORD >&2; mv /srv/www/index.html /srv/www/index.bak"]
                restore:
                  - exec: ["sh", "-c", "mv /srv/www/index.bak /srv/www/index.html; echo restored with $DB_PASSWORD"]
                verify:
                  - checks
                  - exec: ["sh", "-c", "echo $DB_PASSWORD"]
            """;
        var file = Path.Combine(Path.GetDirectoryName(_folder)!, Path.GetFileName(_folder) + "-scenarios.yaml");
        await File.WriteAllTextAsync(file, yaml, Encoding.UTF8);
        return file;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await DockerCli.RemoveAsync(Container);
    }

    public async Task DisposeAsync()
    {
        await DockerCli.RemoveAsync(Container);
        File.Delete(Path.Combine(Path.GetDirectoryName(_folder)!, Path.GetFileName(_folder) + "-scenarios.yaml"));
        Directory.Delete(_folder, recursive: true);
    }
}
