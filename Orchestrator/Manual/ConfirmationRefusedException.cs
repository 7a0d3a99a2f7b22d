namespace Drills.Orchestrator.Manual;

/// <summary>A confirmation that cannot be taken (unknown run, wrong step, not waiting); the message says why and what to do.</summary>
internal sealed class ConfirmationRefusedException : Exception
{
    public ConfirmationRefusedException(string message) : base(message)
    {
    }
}
