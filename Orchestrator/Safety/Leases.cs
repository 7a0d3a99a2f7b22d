namespace Drills.Orchestrator.Safety;

/// <summary>Locks held together for one drill, released in the reverse order they were taken.</summary>
internal sealed class Leases(params IDisposable?[] held) : IDisposable
{
    public void Dispose()
    {
        foreach (var lease in held.Reverse())
        {
            lease?.Dispose();
        }
    }
}
