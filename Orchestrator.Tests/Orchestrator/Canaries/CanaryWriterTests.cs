using Drills.Orchestrator.Canaries;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Tests.Orchestrator.Engine;
using Drills.Scenarios.Catalogue;
using static Drills.Orchestrator.Tests.Support.TestCatalogues;

namespace Drills.Orchestrator.Tests.Orchestrator.Canaries;

public sealed class CanaryWriterTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);
    private readonly EngineHarness _h = new();
    private readonly FakeCanaryTable _table;
    private readonly DrillClock _clock;
    private readonly string _containerId;

    public CanaryWriterTests()
    {
        _table = new FakeCanaryTable(_h.Runtime, _h.Time);
        _clock = new DrillClock(_h.Time);
        _containerId = _h.AddLabelledPortal().Id;
    }

    private CanaryWriter Writer() =>
        new(_h.Runtime, _containerId, new CanarySpec(FakeCanaryTable.Write, FakeCanaryTable.Read, Interval, Nowhere), "run", _clock);

    /// <summary>Runs the writer for <paramref name="span"/> of drill time, then stops it.</summary>
    private Task<IReadOnlyList<CanaryWrite>> WriteFor(CanaryWriter writer, TimeSpan span) => _h.DriveAsync(async () =>
    {
        writer.Start(CancellationToken.None);
        await _clock.DelayAsync(span, CancellationToken.None);
        return await writer.StopAsync();
    }, Tick);

    private double[] Offsets(IEnumerable<DateTimeOffset> times) => [.. times.Select(t => (t - _clock.StartedAtUtc).TotalMilliseconds)];

    [Fact]
    public async Task Markers_are_written_on_a_steady_schedule_from_the_start()
    {
        var writes = await WriteFor(Writer(), TimeSpan.FromMilliseconds(1100));

        Assert.Equal([0, 200, 400, 600, 800, 1000], Offsets(writes.Select(w => w.WrittenAtUtc)));
        Assert.Equal(["run-000001", "run-000002", "run-000003"], writes.Take(3).Select(w => w.Marker));
        Assert.Equal(writes.Select(w => w.Marker), _table.Rows.Select(r => r.Marker));
    }

    [Fact]
    public async Task A_slow_write_skips_the_slots_it_overran_and_shifts_no_later_marker()
    {
        var running = 0;
        var overlapped = false;
        var started = new List<double>();
        _table.BeforeWrite = marker =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            started.Add(_clock.Elapsed.TotalMilliseconds);
            if (marker == "run-000003")
            {
                _h.Time.Advance(TimeSpan.FromMilliseconds(450));
            }

            Interlocked.Decrement(ref running);
            return null;
        };

        var writes = await WriteFor(Writer(), TimeSpan.FromMilliseconds(1500));

        Assert.Equal([0, 200, 400, 1000, 1200, 1400], started);
        Assert.Equal([0, 200, 850, 1000, 1200, 1400], Offsets(writes.Select(w => w.WrittenAtUtc)));
        Assert.False(overlapped);
    }

    [Fact]
    public async Task A_refused_write_is_recorded_and_not_counted_as_written()
    {
        _table.BeforeWrite = marker => marker == "run-000002" ? new ExecResult(1, "", "ERROR: could not obtain lock") : null;

        var writes = await WriteFor(Writer(), TimeSpan.FromMilliseconds(500));

        Assert.Equal([true, false, true], writes.Select(w => w.Succeeded));
        Assert.Contains("could not obtain lock", writes[1].Failure);
        Assert.DoesNotContain(_table.Rows, r => r.Marker == "run-000002");
    }

    [Fact]
    public async Task A_stopped_writer_writes_nothing_more()
    {
        var writer = Writer();
        var writes = await WriteFor(writer, TimeSpan.FromMilliseconds(300));

        await _h.DriveAsync(() => _clock.DelayAsync(TimeSpan.FromSeconds(2), CancellationToken.None).ContinueWith(_ => 0, TaskScheduler.Default), Tick);

        Assert.Equal(2, writes.Count);
        Assert.Equal(2, _table.Rows.Count);
    }

    [Fact]
    public void The_next_slot_is_the_first_one_not_yet_past()
    {
        Assert.Equal(1, CanaryWriter.NextSlot(0, TimeSpan.FromMilliseconds(10), Interval));
        Assert.Equal(5, CanaryWriter.NextSlot(2, TimeSpan.FromMilliseconds(850), Interval));
        Assert.Equal(5, CanaryWriter.NextSlot(2, TimeSpan.FromMilliseconds(1000), Interval));
    }

    public void Dispose() => _h.Dispose();
}
