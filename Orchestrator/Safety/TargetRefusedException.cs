namespace Drills.Orchestrator.Safety;

/// <summary>A container was found that drills is not allowed to attack. Raised before any step runs.</summary>
internal sealed class TargetRefusedException : Exception
{
    public TargetRefusedException(string message) : base(message)
    {
    }
}
