using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;
using static System.FormattableString;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// A drill that died after its quiesce 'before' and ahead of its 'after' may have left the system at rest (a
/// database stopped) with nothing attacked: crash recovery runs 'after', as the drill would have.
/// </summary>
internal static class UnfinishedQuiesce
{
    /// <summary>True when the journal shows a 'before' that may have brought the system to rest, and no 'after'.</summary>
    public static bool LeftAtRest(RunRecord run) =>
        run.Journal.Any(e => e.Mark == JournalMark.Quiesce && e.Message.StartsWith(QuiesceWindow.MessageOf("before"), StringComparison.Ordinal)
                             && !e.Message.Contains(QuiesceWindow.ExitedFailed, StringComparison.Ordinal))
        && !run.Journal.Any(e => e.Mark == JournalMark.Quiesce && e.Message.StartsWith(QuiesceWindow.MessageOf("after"), StringComparison.Ordinal));

    private static string After => QuiesceWindow.MessageOf("after");

    public static async Task ResumeAsync(IContainerRuntime runtime, TargetGuard guard, SystemDefinition system, DrillJournal journal, TimeProvider time)
    {
        var quiesce = system.Quiesce!;
        var shown = string.Join(' ', quiesce.After);
        // Its own bound, not the caller's token: a stop during start-up must not leave the system at rest.
        using var timeout = new CancellationTokenSource(quiesce.Timeout, time);
        try
        {
            if (await guard.InspectAsync(system, timeout.Token) is not { } info)
            {
                journal.Record(JournalMark.Quiesce, $"{After} not run by recovery: the container is gone", shown);
                return;
            }

            var result = await runtime.ExecAsync(info.Id, quiesce.After, timeout.Token);
            journal.Record(JournalMark.Quiesce,
                result.Succeeded ? $"{After} run by recovery: done" : Invariant($"{After} run by recovery: {QuiesceWindow.ExitedFailed} {result.ExitCode})"),
                $"{shown}: {result.ShortOutput()}".TrimEnd(' ', ':'));
        }
        catch (Exception ex) when (ex is OperationCanceledException or DockerOperationException or DockerUnavailableException)
        {
            journal.Record(JournalMark.Quiesce, $"{After} run by recovery: did not complete; check the system, which may still be at rest",
                $"{shown}: {DrillsException.ProblemOf(ex)}");
        }
    }
}
