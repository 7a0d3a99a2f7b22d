using System.Text.Json;
using Drills.Orchestrator.Cli;
using Drills.Orchestrator.Errors;
using Microsoft.Extensions.Time.Testing;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class IndexCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "drills-index-cli-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    private static string Sample => Path.Combine(AppContext.BaseDirectory, "Scenarios", "FuzzCorpus", "sample.yaml");

    [Fact]
    public async Task A_level_outside_one_to_five_is_refused_with_the_fix()
    {
        using var console = new ConsoleCapture();

        var code = await CliApp.RunAsync(["index", "--data-dir", _data, "--level", "9", "--json"], _clock);

        Assert.Equal(ExitCodes.BadInput, code);
        using var json = JsonDocument.Parse(console.Stdout);
        Assert.StartsWith("pass a level from 1 to 5", json.RootElement.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lists_every_catalogue_system_and_the_page_is_written_where_asked()
    {
        var page = Path.Combine(_data, "out", "cio.html");
        Directory.CreateDirectory(Path.GetDirectoryName(page)!);
        using var console = new ConsoleCapture();

        var code = await CliApp.RunAsync(["index", "--data-dir", _data, "-f", Sample, "--json", "--out", page, "--level", "4"], _clock);

        Assert.Equal(ExitCodes.Passed, code);
        using var json = JsonDocument.Parse(console.Stdout);
        var systems = json.RootElement.GetProperty("systems").EnumerateArray().ToArray();
        Assert.Equal(["citizen-records"], systems.Select(s => s.GetProperty("system").GetString()));
        Assert.True(systems[0].GetProperty("overdue").GetBoolean());
        Assert.Contains("data-system=\"citizen-records\"", await File.ReadAllTextAsync(page), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
