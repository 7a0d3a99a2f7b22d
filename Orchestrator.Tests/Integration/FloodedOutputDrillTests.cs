using System.Text;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Runs;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// A target that floods its output with 100 MB and terminal escape sequences, drilled through the real CLI:
/// memory stays bounded, the stored output is cut and says so, and no escape reaches the terminal or the report.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class FloodedOutputDrillTests : IAsyncLifetime
{
    private const string Container = "drills-test-output-flood";
    private const string Escapes = @"\\033]0;pwned\\007\\033[2J";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "drills-test-output-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_step_printing_100_MB_and_escape_sequences_is_cut_kept_inert_and_holds_memory_down()
    {
        var file = await WriteCatalogueAsync();

        var quiet = await RunMeasuredAsync(file, "quiet");
        var flooded = await RunMeasuredAsync(file, "flooded");

        Assert.True(quiet.Result.ExitCode == ExitCodes.Passed, quiet.Result.Stdout + quiet.Result.Stderr);
        Assert.True(flooded.Result.ExitCode == ExitCodes.Passed, flooded.Result.Stdout + flooded.Result.Stderr);
        // Reading it whole would hold 100 MB of bytes and 200 MB of string; kept, it is 1 MiB a stream.
        var growth = flooded.PeakBytes - quiet.PeakBytes;
        Assert.True(growth < 40L * 1024 * 1024, $"peak memory grew by {growth / 1024 / 1024} MiB under a 100 MB flood ({quiet.PeakBytes / 1024 / 1024} MiB quiet)");

        var run = new SqliteRunStore(Path.Combine(_folder, "drills.db")).List(10).Single(r => r.ScenarioId == "flooded");
        var step = run.Steps.Single(s => s.Phase == "attack");
        Assert.Contains(OutputCut.Note(OutputCut.MaxKeptBytes, 100_000_000 + 14), step.Observation, StringComparison.Ordinal);
        Assert.True(step.Observation.Length < 1000, step.Observation);

        AssertTerminalSafe(flooded.Result.Stdout);
        AssertTerminalSafe(flooded.Result.Stderr);
        var shown = flooded.Result.Stderr + flooded.Result.Stdout;
        Assert.Contains("␛]0;pwned␇␛[2J", shown, StringComparison.Ordinal);
        Assert.Contains("cut after 1 MiB of 95.4 MiB", shown, StringComparison.Ordinal);

        var report = await File.ReadAllTextAsync(run.ReportPath!);
        Assert.DoesNotContain('\u001b', report);
        Assert.DoesNotContain('\u0007', report);
        Assert.Contains("␛]0;pwned␇␛[2J", report, StringComparison.Ordinal);
        Assert.Contains("[đã cắt bớt / cut after 1 MiB of 95.4 MiB]", report, StringComparison.Ordinal);
    }

    private static void AssertTerminalSafe(string output)
    {
        var controls = output.Where(c => c is not ('\n' or '\t') && (c < ' ' || c is >= '\u007f' and <= '\u009f')).Distinct().ToList();
        Assert.True(controls.Count == 0, $"control characters reached the terminal: {string.Join(", ", controls.Select(c => ((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    private async Task<(CliProcess.Result Result, long PeakBytes)> RunMeasuredAsync(string file, string scenario)
    {
        using var running = CliProcess.Start(new Dictionary<string, string>(), ["run", scenario, "--file", file, "--data-dir", _folder]);
        var wait = running.WaitAsync();
        long peak = 0;
        // VmHWM only grows: the last reading before the process exits is its peak up to then.
        while (!wait.IsCompleted)
        {
            peak = Math.Max(peak, running.PeakResidentBytes() ?? 0);
            await Task.WhenAny(wait, Task.Delay(TimeSpan.FromMilliseconds(20)));
        }

        return (await wait, peak);
    }

    private async Task<string> WriteCatalogueAsync()
    {
        var yaml = $$"""
            version: 1
            defaults: { probe_interval: 200ms, max_duration: 3m }
            systems:
              flood:
                title: Flooding target / Hệ thống xả dữ liệu
                security_level: 3
                rto_target: 4h
                container:
                  image: drills/portal:1
                  name: {{Container}}
                  ports: ["127.0.0.1:18801:8080"]
                checks:
                  - http: http://127.0.0.1:18801/health
                  - exec: ["sh", "-c", "printf 'ok {{Escapes}}'; test -s /srv/www/index.html"]
                data: { paths: [/srv/www] }
            scenarios:
              quiet:
                title: Moves the home page away
                system: flood
                attack:
                  - exec: ["sh", "-c", "printf '{{Escapes}}'; mv /srv/www/index.html /srv/www/index.bak"]
                restore:
                  - exec: ["mv", "/srv/www/index.bak", "/srv/www/index.html"]
                verify: [checks]
              flooded:
                title: Floods its output and moves the home page away
                system: flood
                attack:
                  - exec: ["sh", "-c", "printf '{{Escapes}}'; head -c 100000000 /dev/zero | tr '\\0' x; mv /srv/www/index.html /srv/www/index.bak"]
                restore:
                  - exec: ["mv", "/srv/www/index.bak", "/srv/www/index.html"]
                verify: [checks]
            """;
        var file = Path.Combine(_folder, "scenarios.yaml");
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
        Directory.Delete(_folder, recursive: true);
    }
}
