namespace Drills.Bench.Sections.Honesty;

/// <summary>
/// One probe round of drills' recovery watch, placed by its exec checks in drills' log: they are sent together when
/// the round starts, and the round lasts as long as its slowest check (the execs, by far, on the portal).
/// </summary>
internal sealed record ProbeRound(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Duration => End - Start;

    /// <summary>Groups exec calls into rounds: calls sent within <paramref name="together"/> of a round's first belong to it.</summary>
    public static IReadOnlyList<ProbeRound> Of(IEnumerable<ExecCall> execs, TimeSpan together)
    {
        var rounds = new List<ProbeRound>();
        foreach (var exec in execs.OrderBy(e => e.Start))
        {
            if (rounds.Count > 0 && exec.Start - rounds[^1].Start <= together)
            {
                rounds[^1] = rounds[^1] with { End = exec.End > rounds[^1].End ? exec.End : rounds[^1].End };
            }
            else
            {
                rounds.Add(new ProbeRound(exec.Start, exec.End));
            }
        }

        return rounds;
    }
}
