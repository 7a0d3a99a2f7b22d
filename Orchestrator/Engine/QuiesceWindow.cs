using System.Runtime.ExceptionServices;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Durations;
using Drills.Scenarios.RunRecords;
using static System.FormattableString;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// Runs work (the baseline snapshot and its manifest) with the system's data at rest: the quiesce 'before'
/// command first, then the work, then 'after' whatever the work did. Without a quiesce pair the work runs on
/// live data. Each command is journaled with its exit code and bounded by the pair's timeout.
/// </summary>
internal sealed class QuiesceWindow
{
    private readonly IContainerRuntime _runtime;
    private readonly DrillRun _run;
    private readonly DrillJournal _journal;

    public QuiesceWindow(IContainerRuntime runtime, DrillRun run, DrillJournal journal)
    {
        (_runtime, _run, _journal) = (runtime, run, journal);
    }

    /// <summary>
    /// A 'before' that exits non-zero throws at once and 'after' does not run: the command ran to its end and
    /// failed, so the system is taken to be as it was. One that timed out or could not run is followed by
    /// 'after', since it may have stopped the system. A failing 'after' sets <see cref="DrillRun.QuiesceUnresumed"/>,
    /// so the drill rolls the target back, and throws unless the work's own error is already on its way.
    /// </summary>
    public async Task RunAsync(DrillTarget target, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (target.System.Quiesce is not { } quiesce)
        {
            await work(cancellationToken);
            return;
        }

        var before = await RunCommandAsync(target, quiesce, "before", quiesce.Before, cancellationToken);
        if (before is { Exited: true })
        {
            ExceptionDispatchInfo.Throw(before.Error);
        }

        Exception? failed = before?.Error;
        if (failed is null)
        {
            try
            {
                await work(cancellationToken);
            }
            catch (Exception ex)
            {
                // Held, not thrown: the system is resumed first, whatever the work did.
                failed = ex;
            }
        }

        // A fresh token: the system is resumed even when the drill was cancelled or ran out of time.
        var after = await RunCommandAsync(target, quiesce, "after", quiesce.After, CancellationToken.None);
        _run.QuiesceUnresumed = after is not null;
        if (failed is not null)
        {
            ExceptionDispatchInfo.Throw(failed);
        }

        if (after is not null)
        {
            ExceptionDispatchInfo.Throw(after.Error);
        }
    }

    /// <summary>Null when the command exited 0.</summary>
    private async Task<Failure?> RunCommandAsync(
        DrillTarget target, QuiesceSpec quiesce, string which, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var started = _run.Clock.Elapsed;
        var shown = string.Join(' ', command);
        var byHand = $"run it by hand (docker exec {target.Name} {shown}) and correct it in the catalogue";
        using var timeout = new CancellationTokenSource(quiesce.Timeout, _run.Clock.Provider);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ExecResult result;
        try
        {
            result = await _runtime.ExecAsync(target.ContainerId, command, bounded.Token);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            // The drill was stopped mid-command: its own cancellation is what ends it, after 'after' has run.
            Record(which, "INTERRUPTED", started, shown);
            return new Failure(ex, Exited: false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or DockerOperationException or DockerUnavailableException)
        {
            var timedOut = ex is OperationCanceledException;
            Record(which, timedOut ? "TIMED OUT" : "COULD NOT RUN", started, timedOut ? shown : $"{shown}: {DrillsException.ProblemOf(ex)}");
            var why = timedOut ? $"did not finish within {DurationText.Format(quiesce.Timeout)}" : $"could not run: {DrillsException.ProblemOf(ex)}";
            return new Failure(new QuiesceFailedException($"The quiesce '{which}' command of system '{_run.System.Id}' {why}",
                $"{byHand}, or raise quiesce.timeout; check the system, which may have been left at rest", ex), Exited: false);
        }

        var output = result.ShortOutput();
        if (result.Succeeded)
        {
            Record(which, "done", started, output.Length == 0 ? $"{shown}: exit 0" : $"{shown}: exit 0: {output}");
            return null;
        }

        Record(which, Invariant($"{ExitedFailed} {result.ExitCode})"), started, output.Length == 0 ? shown : $"{shown}: {output}");
        var after = which == "after" ? "; the drill rolls the system back to its baseline" : "; nothing was attacked";
        return new Failure(new QuiesceFailedException(
            Invariant($"The quiesce '{which}' command of system '{_run.System.Id}' exited {result.ExitCode}") + (output.Length == 0 ? "" : ": " + output),
            byHand + after), Exited: true);
    }

    /// <summary>How a journal line of a quiesce command begins ("Quiesce 'before' done in 1s"); crash recovery reads them.</summary>
    public static string MessageOf(string which) => $"Quiesce '{which}'";

    /// <summary>What a journal line of a command that ran and exited non-zero holds after <see cref="MessageOf"/>.</summary>
    public const string ExitedFailed = "FAILED (exit";

    private void Record(string which, string outcome, TimeSpan started, string detail) =>
        _journal.Record(JournalMark.Quiesce, $"{MessageOf(which)} {outcome} in {DurationText.Format(_run.Clock.Elapsed - started)}", detail);

    /// <param name="Exited">The command ran to its end with a non-zero exit, rather than timing out or failing to start.</param>
    private sealed record Failure(Exception Error, bool Exited);
}
