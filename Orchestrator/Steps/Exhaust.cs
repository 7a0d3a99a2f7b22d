using System.Globalization;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Scenarios.Durations;
using Drills.Scenarios.Steps;
using static System.FormattableString;

namespace Drills.Orchestrator.Steps;

/// <summary>
/// Resource pressure inside the target, never by changing its limits: <c>cpu</c> busy shell loops, and <c>memory</c>
/// bytes held by <c>dd bs=N count=1 iflag=fullblock</c> reading /dev/zero into one buffer it cannot write on (its
/// output is a pipe to <c>sleep</c>, which never reads), so the whole buffer stays resident. It fills at a few hundred
/// MiB/s (head | tail fills at about 40 MiB/s, and a file in /dev/shm is capped at the container's 64 MiB). Each runs under <c>timeout</c>, which ends its whole process group when <c>for</c> is over, even if drills
/// is gone by then; each is marked <c>drills-run-&lt;run id&gt;</c>, so <see cref="ExhaustRelease"/> ends it sooner.
/// The step starts the pressure and returns: the restore steps run while it lasts.
/// </summary>
internal sealed class Exhaust(IContainerRuntime runtime)
{
    /// <summary>How long the step waits for its workers to show up in /proc before it says they did not start.</summary>
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan StartPoll = TimeSpan.FromMilliseconds(100);

    private const string Launcher =
        "mark=drills-run-$1; secs=$2; cpu=$3; mem=$4; i=0; " +
        "while [ $i -lt $cpu ]; do timeout $secs sh -c 'while :; do :; done' $mark </dev/null >/dev/null 2>&1 & i=$((i+1)); done; " +
        "if [ $mem -gt 0 ]; then timeout $secs sh -c \"dd if=/dev/zero bs=$mem count=1 iflag=fullblock 2>/dev/null | sleep $secs\" $mark </dev/null >/dev/null 2>&1 & fi; " +
        "command -v timeout >/dev/null";

    public static IReadOnlyList<string> Command(string runId, ExhaustStep step) =>
    [
        "sh", "-c", Launcher, "drills-exhaust", runId,
        Seconds(step.For), step.Cpu.ToString(CultureInfo.InvariantCulture), step.MemoryBytes.ToString(CultureInfo.InvariantCulture),
    ];

    public async Task<string> StartAsync(string containerId, string runId, ExhaustStep step, DrillClock clock, CancellationToken cancellationToken)
    {
        var started = await runtime.ExecAsync(containerId, Command(runId, step), cancellationToken);
        if (!started.Succeeded)
        {
            throw new StepFailedException($"exhaust could not start its workers (exit {started.ExitCode}): {started.Stderr.Trim()}",
                "the target needs sh and coreutils' timeout, head and tail, as every Debian image has");
        }

        var expected = step.Cpu + (step.MemoryBytes > 0 ? 1 : 0);
        var running = await WaitForWorkersAsync(containerId, runId, expected, clock, cancellationToken);
        var what = new[]
        {
            step.Cpu > 0 ? $"{step.Cpu} busy worker(s)" : null,
            step.MemoryBytes > 0 ? Invariant($"{step.MemoryBytes / 1024.0 / 1024:0.#} MiB held") : null,
        }.OfType<string>();
        return $"started {string.Join(" and ", what)} inside the target for {DurationText.Format(step.For)} ({running} marked process(es)); " +
               "each ends itself then, and drills ends them sooner when the drill ends; container limits unchanged";
    }

    private async Task<int> WaitForWorkersAsync(string containerId, string runId, int expected, DrillClock clock, CancellationToken cancellationToken)
    {
        var deadline = clock.Elapsed + StartBound;
        var marker = RunMarker.Of(runId);
        while (true)
        {
            var workers = (await TargetProcesses.ListAsync(runtime, containerId, cancellationToken))
                .Count(p => p.Arguments.Contains(marker, StringComparer.Ordinal) && p.Arguments[0] == "timeout");
            if (workers >= expected)
            {
                return workers;
            }

            if (clock.Elapsed >= deadline)
            {
                throw new StepFailedException($"exhaust started {workers} of its {expected} worker(s) within {DurationText.Format(StartBound)}",
                    "check the target's process limit (docker inspect: PidsLimit) and that it runs sh and timeout");
            }

            await clock.DelayAsync(StartPoll, cancellationToken);
        }
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
