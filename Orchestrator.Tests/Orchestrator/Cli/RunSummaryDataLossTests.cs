using System.Text.Json;
using Drills.Orchestrator.Cli;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Tests.Reports;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

public sealed class RunSummaryDataLossTests
{
    private static readonly DataLoss Loss = new(20, 6, 14, SampleRuns.Start.AddSeconds(2), SampleRuns.Start.AddSeconds(4.8), 3.1, "20261122-190000-a1b2c3d4",
        SampleRuns.Start.AddSeconds(1.9), 900, true)
    {
        Markers = [new CanaryMarker("m-000001", SampleRuns.Start, true, true, false)],
    };

    [Fact]
    public void Json_carries_the_data_loss_without_the_marker_annex()
    {
        var json = JsonSerializer.Serialize(RunSummary.From(SampleRuns.Passed() with { DataLoss = Loss }, 0), RunJson.Options);

        using var doc = JsonDocument.Parse(json);
        var loss = doc.RootElement.GetProperty("dataLoss");
        Assert.Equal(14, loss.GetProperty("markersLost").GetInt32());
        Assert.Equal(3.1, loss.GetProperty("lossWindowSeconds").GetDouble());
        Assert.True(loss.GetProperty("metRpo").GetBoolean());
        Assert.Equal("20261122-190000-a1b2c3d4", loss.GetProperty("backupId").GetString());
        Assert.False(loss.TryGetProperty("markers", out _));
    }

    [Fact]
    public void Json_says_null_when_no_loss_was_measured()
    {
        var json = JsonSerializer.Serialize(RunSummary.From(SampleRuns.Passed(), 0), RunJson.Options);

        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(json).RootElement.GetProperty("dataLoss").ValueKind);
    }
}
