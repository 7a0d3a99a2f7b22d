namespace Drills.Bench.Measuring;

/// <summary>
/// Runs several contenders in turn, round after round (A B C A B C …), so slow drift on a busy machine
/// falls on all of them alike. Each round's figures line up by index for <see cref="Ratio"/>.
/// </summary>
internal static class Interleaved
{
    public static async Task<IReadOnlyList<IReadOnlyList<T>>> RunAsync<T>(
        int rounds, IReadOnlyList<Func<int, CancellationToken, Task<T>>> contenders, Action<int>? roundDone, CancellationToken cancellationToken)
    {
        var results = contenders.Select(_ => new List<T>(rounds)).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < contenders.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[i].Add(await contenders[i](round, cancellationToken));
            }

            roundDone?.Invoke(round + 1);
        }

        return results;
    }
}
