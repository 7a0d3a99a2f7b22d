using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Checks;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Checks;
using Drills.Scenarios.RunRecords;
using static Drills.Orchestrator.Tests.Support.TestCatalogues;

namespace Drills.Orchestrator.Tests.Orchestrator.Engine;

/// <summary>
/// How T1 is taken, on a fake clock with checks that take a known time to answer: each item is probed one interval
/// apart even while its earlier probes (or another item's) are still out, each answer is timed when it came, and T1
/// is when the last item to pass first answered passing.
/// </summary>
public sealed class RecoveryWatchTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Answer = TimeSpan.FromMilliseconds(300);

    /// <summary>Five of the driver's 50 ms steps: on a busy machine it may step while the watch is between two calls.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(250);
    private readonly EngineHarness _h = new();

    [Fact]
    public async Task T1_is_when_the_first_passing_probe_answered_and_probes_are_sent_one_interval_apart()
    {
        var (t1, probes, _) = await WatchAsync(healthyAt: TimeSpan.FromMilliseconds(2100));

        // Sent at 0, 1, 2 (not yet healthy) and 3 s, each answered 300 ms later; spacing the probes from their
        // answers (0, 1.3, 2.6, 3.9) would make T1 4.2 s.
        Assert.InRange(t1, TimeSpan.FromSeconds(3) + Answer, TimeSpan.FromSeconds(3) + Answer + Slack);
        Assert.Equal(4, probes.Count);
        Assert.All(probes.Select((sent, i) => sent - TimeSpan.FromSeconds(i)), late => Assert.InRange(late, TimeSpan.Zero, Slack));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(999)]
    [InlineData(1001)]
    [InlineData(1650)]
    [InlineData(4200)]
    public async Task T1_is_never_early_and_late_by_at_most_one_interval_and_one_answer(int healthyAfterMs)
    {
        var healthyAt = TimeSpan.FromMilliseconds(healthyAfterMs);

        var (t1, _, _) = await WatchAsync(healthyAt);

        Assert.InRange(t1 - healthyAt, Answer, Interval + Answer + Slack);
    }

    [Fact]
    public async Task Probes_are_sent_one_interval_apart_while_a_slow_one_is_still_out()
    {
        // Every answer takes 1.5 s (an exec while the engine is busy): probes still go out at 0, 1 and 2 s (two out at
        // once at most), and the one sent at 2 s (the first after 1.6 s) answers at 3.5 s; waiting for each answer
        // before sending the next (0, 1.5, 3 s) would make it 4.5 s.
        var (t1, probes, _) = await WatchAsync(healthyAt: TimeSpan.FromMilliseconds(1600), answer: TimeSpan.FromMilliseconds(1500));

        Assert.All(probes.Take(3).Select((sent, i) => sent - TimeSpan.FromSeconds(i)), late => Assert.InRange(late, TimeSpan.Zero, Slack));
        Assert.InRange(t1, TimeSpan.FromMilliseconds(3500), TimeSpan.FromMilliseconds(3500) + Slack);
    }

    [Fact]
    public async Task A_probe_held_until_it_answers_counts_from_its_answer_never_from_when_it_was_sent()
    {
        // As a port proxy holds a connection while the service starts: sent at 0, answered (passing) only at 2.6 s.
        var (t1, probes, ended) = await WatchAsync(healthyAt: TimeSpan.Zero, answer: TimeSpan.FromMilliseconds(2600), restoreEndsAt: TimeSpan.FromMilliseconds(2500));

        Assert.InRange(probes[0], TimeSpan.Zero, Slack);
        Assert.True(t1 >= ended, $"T1 {t1} is before the restore steps ended at {ended}");
        Assert.InRange(t1, TimeSpan.FromMilliseconds(2600), TimeSpan.FromMilliseconds(2600) + Slack);
    }

    [Fact]
    public async Task A_quick_item_is_not_held_back_by_a_slow_one_that_passed_all_along()
    {
        // HTTP healthy from 2.1 s, answering in 300 ms; a TCP item passing from the start, answering in 800 ms. The
        // probes sent at 3 s pass: the HTTP answer came at 3.3 s, the TCP answer at 3.8 s. T1 is 3.3 s.
        var slow = new Item(TimeSpan.Zero, TimeSpan.FromMilliseconds(800));

        var (t1, _, _) = await WatchAsync(healthyAt: TimeSpan.FromMilliseconds(2100), slow: slow);

        Assert.InRange(t1, TimeSpan.FromSeconds(3) + Answer, TimeSpan.FromSeconds(3) + Answer + Slack);
    }

    [Fact]
    public async Task A_quick_item_is_probed_every_interval_while_a_slow_one_has_its_probes_out()
    {
        // The TCP item answers in 2.5 s (passing all along), so two of its probes are out from 1 s to 2.5 s. HTTP,
        // healthy from 2.6 s, is still probed at 0, 1, 2 and 3 s, and passes at 3.3 s. Probing both in rounds, two
        // rounds out at most, would send the HTTP probes at 0, 1, 2.5 and 3.5 s and make T1 3.8 s.
        var slow = new Item(TimeSpan.Zero, TimeSpan.FromMilliseconds(2500));

        var (t1, probes, _) = await WatchAsync(healthyAt: TimeSpan.FromMilliseconds(2600), slow: slow);

        Assert.All(probes.Take(4).Select((sent, i) => sent - TimeSpan.FromSeconds(i)), late => Assert.InRange(late, TimeSpan.Zero, Slack));
        Assert.InRange(t1, TimeSpan.FromSeconds(3) + Answer, TimeSpan.FromSeconds(3) + Answer + Slack);
    }

    [Fact]
    public async Task When_the_slow_item_is_the_last_to_pass_T1_is_its_answer()
    {
        // HTTP passing from the start; the TCP item healthy from 2.1 s, answering in 800 ms: its probe sent at 3 s is
        // the first where it passes, answered at 3.8 s.
        var slow = new Item(TimeSpan.FromMilliseconds(2100), TimeSpan.FromMilliseconds(800));

        var (t1, _, _) = await WatchAsync(healthyAt: TimeSpan.Zero, slow: slow);

        Assert.InRange(t1, TimeSpan.FromMilliseconds(3800), TimeSpan.FromMilliseconds(3800) + Slack);
    }

    [Fact]
    public async Task An_item_that_fails_again_starts_its_streak_over()
    {
        // The TCP item passes (answered at 0.8 s), fails for the probes sent at 1 and 2 s, then passes again for the
        // probe sent when the restore steps end at 2.5 s, answered at 3.3 s. HTTP passed all along: T1 is 3.3 s, not 0.8 s.
        var slow = new Item(TimeSpan.Zero, TimeSpan.FromMilliseconds(800), FailsFrom: TimeSpan.FromMilliseconds(900), FailsUntil: TimeSpan.FromMilliseconds(2100));

        var (t1, _, ended) = await WatchAsync(healthyAt: TimeSpan.Zero, slow: slow, restoreEndsAt: TimeSpan.FromMilliseconds(2500));

        Assert.InRange(t1, ended + TimeSpan.FromMilliseconds(800), ended + TimeSpan.FromMilliseconds(800) + Slack);
    }

    [Fact]
    public async Task A_failing_answer_held_behind_a_slower_probe_of_its_item_keeps_the_system_unrecovered()
    {
        // HTTP passes from the start but fails the probe sent at 2 s (answered at 2.1 s), which waits behind the probe
        // sent at 1 s (answered slowly, at 2.5 s). TCP passes from 2 s, answered at 2.2 s. At 2.2 s every item's answers
        // taken in order pass, yet HTTP's newest answer failed: T1 is its next passing answer, to the probe sent at 3 s.
        var http = new Item(TimeSpan.Zero, TimeSpan.FromMilliseconds(100), FailsFrom: TimeSpan.FromMilliseconds(1900), FailsUntil: TimeSpan.FromMilliseconds(2100),
            SlowFrom: TimeSpan.FromMilliseconds(900), SlowUntil: TimeSpan.FromMilliseconds(1100), SlowAnswer: TimeSpan.FromMilliseconds(1500));
        var tcp = new Item(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(200));

        var (t1, _, _) = await WatchAsync(http: http, slow: tcp);

        Assert.InRange(t1, TimeSpan.FromMilliseconds(3100), TimeSpan.FromMilliseconds(3100) + Slack);
    }

    [Fact]
    public async Task A_confirmed_manual_step_restarts_every_streak()
    {
        // HTTP passes from the start (first answer at 0.3 s); an operator confirms a manual step at 1.5 s and the restore
        // steps end at 2.5 s: T1 is the first passing answer to a probe sent after the confirmation, the one sent at 2 s.
        var (t1, _, _) = await WatchAsync(http: new Item(TimeSpan.Zero, Answer), restoreEndsAt: TimeSpan.FromMilliseconds(2500),
            restartStreakAt: TimeSpan.FromMilliseconds(1500));

        Assert.InRange(t1, TimeSpan.FromSeconds(2) + Answer, TimeSpan.FromSeconds(2) + Answer + Slack);
    }

    [Fact]
    public async Task A_probe_that_fails_to_run_ends_the_watch_with_its_error_and_every_item_stops()
    {
        // The TCP probe sent at 1 s throws (an error, not a failing check) when it answers at 1.5 s.
        var broken = new Item(TimeSpan.Zero, TimeSpan.FromMilliseconds(500), ThrowsFrom: TimeSpan.FromMilliseconds(900));
        var (watch, clock, probe) = Watch(new Item(TimeSpan.FromHours(1), Answer), broken);
        watch.RestoreStarted();
        watch.RestoreEnded(TimeSpan.Zero);

        var (error, sentByThen, sentLater) = await _h.DriveAsync(async () =>
        {
            var error = await Record.ExceptionAsync(() => watch.RunAsync(CancellationToken.None));
            var sent = probe.Sent.Count;
            await clock.DelayAsync(TimeSpan.FromSeconds(3), CancellationToken.None);
            return (error, sent, probe.Sent.Count);
        }, TimeSpan.FromMilliseconds(50));

        Assert.IsType<InvalidOperationException>(error);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(4500), TimeSpan.FromSeconds(10));
        Assert.Equal(sentByThen, sentLater);
        Assert.False(watch.Recovered.IsCompleted);
    }

    /// <summary>
    /// The restore steps end at <paramref name="restoreEndsAt"/> on the drill clock (before the watch starts by default); the service
    /// is healthy from <paramref name="healthyAt"/> and each probe answers <paramref name="answer"/> after it was sent (or as
    /// <paramref name="http"/> says). With <paramref name="slow"/>, the system has a second check (TCP) that behaves as it says.
    /// An operator confirms a manual step at <paramref name="restartStreakAt"/>.
    /// </summary>
    private async Task<(TimeSpan T1, IReadOnlyList<TimeSpan> Probes, TimeSpan RestoreEnded)> WatchAsync(
        TimeSpan healthyAt = default, TimeSpan? answer = null, TimeSpan? restoreEndsAt = null, Item? slow = null, Item? http = null, TimeSpan? restartStreakAt = null)
    {
        var (watch, clock, probe) = Watch(http ?? new Item(healthyAt, answer ?? Answer), slow);
        watch.RestoreStarted();
        var ended = TimeSpan.Zero;
        if (restoreEndsAt is null)
        {
            watch.RestoreEnded(ended);
        }

        using var stop = new CancellationTokenSource();
        var t1 = await _h.DriveAsync(async () =>
        {
            var watching = watch.RunAsync(stop.Token);
            if (restartStreakAt is { } confirmed)
            {
                await clock.DelayAsync(confirmed, CancellationToken.None);
                watch.RestartStreak();
            }

            if (restoreEndsAt is { } end)
            {
                await clock.DelayAsync(end - clock.Elapsed, CancellationToken.None);
                ended = clock.Elapsed;
                watch.RestoreEnded(ended);
            }

            var recovered = await watch.Recovered;
            await watching;
            return recovered;
        }, TimeSpan.FromMilliseconds(50));
        return (t1, probe.Sent, ended);
    }

    /// <summary>A watch over a system with an HTTP check behaving as <paramref name="http"/> says, and a TCP check as <paramref name="tcp"/> says when given.</summary>
    private (RecoveryWatch Watch, DrillClock Clock, SlowProbe Probe) Watch(Item http, Item? tcp)
    {
        var clock = new DrillClock(_h.Time);
        var probe = new SlowProbe(clock, http, tcp, _h.Time);
        CheckDefinition[] checks = tcp is null
            ? [new HttpCheck("http://127.0.0.1:18999/", 200, null, Nowhere)]
            : [new HttpCheck("http://127.0.0.1:18999/", 200, null, Nowhere), new TcpCheck("127.0.0.1", 18999, Nowhere)];
        var system = Portal() with { Checks = checks };
        var target = new DrillTarget(system, _h.AddLabelledPortal().Id, createdByDrill: false);
        var steady = new SteadyState(new CheckRunner(_h.Runtime, probe, _h.Time), new DataPaths(_h.Runtime, new SnapshotStore(_h.Folder)));
        var journal = new DrillJournal(clock, new NoSink(), null);
        return (new RecoveryWatch(clock, journal, steady, target, BaselineBackup.None, [new SystemChecksItem(Nowhere)], Interval), clock, probe);
    }

    public void Dispose() => _h.Dispose();

    /// <summary>
    /// A check healthy from <paramref name="HealthyAt"/> (but failing for probes sent from <paramref name="FailsFrom"/> until
    /// <paramref name="FailsUntil"/>) that answers <paramref name="Answer"/> after each request (<paramref name="SlowAnswer"/>
    /// for probes sent from <paramref name="SlowFrom"/> until <paramref name="SlowUntil"/>); a probe sent from
    /// <paramref name="ThrowsFrom"/> on throws instead of answering.
    /// </summary>
    private sealed record Item(TimeSpan HealthyAt, TimeSpan Answer, TimeSpan? FailsFrom = null, TimeSpan? FailsUntil = null,
        TimeSpan? SlowFrom = null, TimeSpan? SlowUntil = null, TimeSpan? SlowAnswer = null, TimeSpan? ThrowsFrom = null)
    {
        public bool PassesAt(TimeSpan sent) => sent >= HealthyAt && !(sent >= FailsFrom && sent < FailsUntil);

        public async Task<bool> AnswerAsync(TimeSpan sent, TimeProvider time, CancellationToken cancellationToken)
        {
            await Task.Delay(sent >= SlowFrom && sent < SlowUntil ? SlowAnswer!.Value : Answer, time, cancellationToken);
            return sent >= ThrowsFrom ? throw new InvalidOperationException("the probe could not run") : PassesAt(sent);
        }
    }

    /// <summary>An HTTP service, and optionally a TCP one, each healthy as its <see cref="Item"/> says; the HTTP requests are recorded.</summary>
    private sealed class SlowProbe(DrillClock clock, Item http, Item? tcp, TimeProvider time) : INetworkProbe
    {
        private readonly List<TimeSpan> _sent = [];

        public IReadOnlyList<TimeSpan> Sent
        {
            get
            {
                lock (_sent)
                {
                    return [.. _sent];
                }
            }
        }

        public async Task<ProbeResult> HttpAsync(string url, int expectStatus, string? contains, CheckReach reach, CancellationToken cancellationToken)
        {
            var sent = clock.Elapsed;
            lock (_sent)
            {
                _sent.Add(sent);
            }

            return await http.AnswerAsync(sent, time, cancellationToken) ? ProbeResult.Pass("HTTP 200") : ProbeResult.Fail("ConnectionRefused");
        }

        public async Task<ProbeResult> TcpAsync(string host, int port, CheckReach reach, CancellationToken cancellationToken)
        {
            var item = tcp ?? throw new NotSupportedException("this system has an http check only");
            return await item.AnswerAsync(clock.Elapsed, time, cancellationToken) ? ProbeResult.Pass("connected") : ProbeResult.Fail("ConnectionRefused");
        }
    }

    private sealed class NoSink : IJournalSink
    {
        public void Append(JournalEvent entry)
        {
        }
    }
}
