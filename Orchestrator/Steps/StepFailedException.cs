namespace Drills.Orchestrator.Steps;

/// <summary>A step ran but did not achieve what it declares (for example an exec exited non-zero).</summary>
internal sealed class StepFailedException : Exception
{
    public StepFailedException(string message) : base(message)
    {
    }
}
