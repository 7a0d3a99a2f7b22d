using Drills.Orchestrator.Drill;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Runs;

/// <summary>Where runs, their journals and their manual-step confirmations persist. The journal is written event by event as the drill goes.</summary>
internal interface IRunStore : IConfirmationStore
{
    void Begin(RunRecord run);

    IJournalSink JournalFor(string runId);

    void Complete(RunRecord run);

    /// <summary>Saves a running run's progress so a crash keeps it; ignored once the run has ended.</summary>
    void Checkpoint(RunRecord run);

    void SetReportPath(string runId, string reportPath);

    RunRecord? Find(string runId);

    IReadOnlyList<RunRecord> List(int limit);

    /// <summary>Runs still marked running, with their journals: live drills, or ones a crash interrupted.</summary>
    IReadOnlyList<RunRecord> ListRunning();

    /// <summary>True when a run (or a skip) was already recorded for this scenario's fire time: a fire is never run twice.</summary>
    bool HasRunFor(string scenarioId, DateTimeOffset scheduledForUtc);

    /// <summary>The latest drill of the system that started after <paramref name="startedAfterUtc"/> and has finished (passed, failed or aborted), or null.</summary>
    RunRecord? FinishedAfter(string systemId, DateTimeOffset startedAfterUtc);

    /// <summary>
    /// The latest run of the same scenario that started before <paramref name="run"/> and finished passed, failed or
    /// aborted (never a skip, never one still running), with its journal: the run whose open actions this one re-tests.
    /// </summary>
    RunRecord? PreviousOf(RunRecord run);

    /// <summary>Keeps a catalogue's text by its SHA-256 (once per distinct text).</summary>
    void KeepCatalogue(string sha256, string sourcePath, string text);

    /// <summary>The text kept for a catalogue SHA-256, or null.</summary>
    KeptCatalogue? FindCatalogue(string sha256);
}
