using Drills.Orchestrator.Manual;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Tests.Reports;
using Drills.Scenarios.RunRecords;
using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Tests.Orchestrator.Manual;

/// <summary>What `drills confirm` accepts and refuses, against a real SQLite run store.</summary>
public sealed class OperatorConfirmationTests : IDisposable
{
    private const string RunId = "20261123-190000-ab12";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 19, 30, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "drills-confirm-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteRunStore _drill;

    public OperatorConfirmationTests()
    {
        _drill = new SqliteRunStore(Database);
        _drill.Begin(SampleRuns.Passed() with { RunId = RunId, Outcome = RunOutcome.Running, Journal = [] });
        _drill.DeclareManualSteps(RunId, [new(2, "Restore DNS records by hand", false), new(4, "Call the vendor", false)]);
        _drill.MarkWaiting(RunId, 2, Now.AddMinutes(-5));
    }

    private string Database => Path.Combine(_folder, "drills.db");

    [Fact]
    public void Confirmation_from_another_process_reaches_the_waiting_drill_with_who_and_when()
    {
        var confirmed = Confirm("2", new ManualConfirmation(Now, "alice", "ticket 42"));

        var seen = _drill.ManualSteps(RunId).Single(s => s.Step == 2);
        Assert.Equal((2, "Restore DNS records by hand"), (confirmed.Step, confirmed.Title));
        Assert.Equal(new ManualConfirmation(Now, "alice", "ticket 42"), seen.Confirmation);
        Assert.False(seen.IsWaiting);
    }

    [Fact]
    public void Step_can_be_named_by_its_title_in_any_case()
    {
        var confirmed = Confirm("restore dns RECORDS by hand");

        Assert.Equal(2, confirmed.Step);
    }

    [Fact]
    public void Unknown_run_id_suggests_the_nearest_recent_one()
    {
        var error = Refused("2", runId: "20261123-190000-ab13");

        Assert.Contains($"No run '20261123-190000-ab13' in {Database}. Fix: did you mean '{RunId}'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Finished_run_is_refused_because_nothing_waits_any_more()
    {
        _drill.Complete(SampleRuns.Passed() with { RunId = RunId, Outcome = RunOutcome.Aborted });

        Assert.Contains($"Run {RunId} is not running: it ended aborted", Refused("2"), StringComparison.Ordinal);
    }

    [Fact]
    public void Step_that_is_not_manual_is_refused_with_the_manual_steps_to_choose_from()
    {
        Assert.Contains("Restore step 1 of run 20261123-190000-ab12 is not a manual step. Fix: pass a manual step's number or title: 2 'Restore DNS records by hand', 4 'Call the vendor'.",
            Refused("1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Manual_step_the_drill_has_not_reached_is_refused()
    {
        Assert.Contains("Manual step 4 'Call the vendor' of run 20261123-190000-ab12 is not waiting yet", Refused("4"), StringComparison.Ordinal);
    }

    [Fact]
    public void Second_confirmation_is_refused_and_names_the_first()
    {
        Confirm("2", new ManualConfirmation(Now, "alice"));

        Assert.Contains("was already confirmed by alice at 2026-11-23 19:30:00 UTC", Refused("2"), StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_title_gets_a_did_you_mean()
    {
        Assert.Contains("has no manual step titled 'Call the vendr'. Fix: did you mean 'Call the vendor'?", Refused("Call the vendr"), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_that_simulates_its_manual_steps_has_nothing_to_confirm()
    {
        _drill.Begin(SampleRuns.Passed() with { RunId = "simulated", Outcome = RunOutcome.Running, Journal = [] });
        _drill.DeclareManualSteps("simulated", [new(1, "Call the vendor", Simulated: true)]);

        Assert.Contains("--simulate-manual", Refused("1", runId: "simulated"), StringComparison.Ordinal);
    }

    private ConfirmedStep Confirm(string step, ManualConfirmation? confirmation = null) =>
        OperatorConfirmation.Confirm(new SqliteRunStore(Database), Database, RunId, step, confirmation ?? new ManualConfirmation(Now, "alice"));

    private string Refused(string step, string runId = RunId) =>
        Assert.Throws<ConfirmationRefusedException>(() =>
            OperatorConfirmation.Confirm(new SqliteRunStore(Database), Database, runId, step, new ManualConfirmation(Now, "bob"))).Message;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
