namespace Drills.Orchestrator.Docker;

/// <summary>An engine call failed for a reason other than the engine being unreachable (no such container, bad state…).</summary>
internal sealed class DockerOperationException : Exception
{
    public DockerOperationException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
