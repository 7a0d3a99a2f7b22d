namespace Drills.Orchestrator.Engine;

/// <summary>The system failed its checks before the attack; attacking a sick system would measure nothing.</summary>
internal sealed class BaselineUnhealthyException : Exception
{
    public BaselineUnhealthyException(string message) : base(message)
    {
    }
}
