using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Tests.Reports;
using Drills.Scenarios.Regulation;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Orchestrator.Runs;

public sealed class RunJsonTests
{
    /// <summary>The options as they were before run records had generated metadata: reflection only.</summary>
    private static readonly JsonSerializerOptions ByReflection = new(RunJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static TheoryData<string> Runs() => new(RecoveryRuns.All);

    [Theory]
    [MemberData(nameof(Runs))]
    public void A_run_record_is_written_as_the_reflection_based_serializer_wrote_it(string name)
    {
        var run = Full(RecoveryRuns.Named(name));

        Assert.Equal(JsonSerializer.Serialize(run, ByReflection), JsonSerializer.Serialize(run, RunJson.Options));
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void A_record_written_by_reflection_reads_back_whole(string name)
    {
        var run = Full(RecoveryRuns.Named(name));
        var json = JsonSerializer.Serialize(run, ByReflection);

        var read = JsonSerializer.Deserialize<RunRecord>(json, RunJson.Options)!;

        Assert.Equal(json, JsonSerializer.Serialize(read, ByReflection));
    }

    /// <summary>Every optional part of a record set, so none escapes the comparison.</summary>
    private static RunRecord Full(RunRecord run) => run with
    {
        TimeZone = "Asia/Ho_Chi_Minh",
        Origin = new RunOrigin(RunTrigger.CatchUp, SampleRuns.Start, TimeSpan.FromSeconds(12), "another drill"),
        Owner = new RunOwner("host", 42, SampleRuns.Start),
        StartedBy = "user:officer",
        ChainHead = new ChainHead(new string('a', 64), 10),
        Limits = new RunLimits(TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5)),
        Level = new LevelPolicy(3, TimeSpan.FromHours(8), Cadence.HalfYearly, Cadence.Quarterly),
        Approval = new ApprovalReference("Decision 12/QĐ", new DateOnly(2026, 1, 2)),
        SystemOwner = "Phòng CNTT",
        Participants = ["An", "Bình"],
        Objectives = ["Restore <within> \"target\""],
        Steps = [.. run.Steps, new StepResult("restore", 9, "manual", "Call the vendor", true, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60), "confirmed",
            new ManualOutcome("Call the vendor", TimeSpan.FromMinutes(30), Simulated: true, SampleRuns.Start, "officer", "note"))],
    };
}
