using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Drills.Orchestrator.Errors;

using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// An officer whose machine speaks Vietnamese (decimal comma) still gets machine records in invariant
/// form: the journal in the run store and the --json output read the same on every machine.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed partial class CultureTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Vietnamese = new() { ["LANG"] = "vi_VN.UTF-8", ["LC_ALL"] = "vi_VN.UTF-8" };
    private readonly RealDrillHarness _h = new();

    [Fact]
    public async Task A_drill_run_under_the_Vietnamese_culture_keeps_its_journal_and_json_invariant()
    {
        const string name = "drills-test-culture";
        var yaml = Portal(name, 18188, Scenario("kill-vi", "kill: {}", RestoreSteps("wait: 1500ms", "start: {}")));
        _h.Load(yaml);
        var file = Path.Combine(_h.Folder, "scenarios.yaml");
        await File.WriteAllTextAsync(file, yaml, Encoding.UTF8);

        var result = await CliProcess.RunWithAsync(Vietnamese, "run", "kill-vi", "--file", file, "--data-dir", _h.Folder, "--json");

        Assert.Equal(ExitCodes.Passed, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Matches(Decimal(), json.RootElement.GetProperty("recoverySeconds").GetRawText());
        var run = _h.Store.Find(json.RootElement.GetProperty("runId").GetString()!)!;
        Assert.Contains(run.Steps, s => s.Observation == "waited 1.5 s");
        Assert.Contains(run.Journal, e => MeasuredInvariant().IsMatch(e.Message + " " + e.Detail));
        Assert.DoesNotContain(run.Journal, e => DecimalComma().IsMatch(e.Message + " " + e.Detail));
    }

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex Decimal();

    [GeneratedRegex(@"measured \d+\.\d{3} s")]
    private static partial Regex MeasuredInvariant();

    [GeneratedRegex(@"\d,\d")]
    private static partial Regex DecimalComma();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();
}
