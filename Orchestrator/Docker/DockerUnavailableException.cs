namespace Drills.Orchestrator.Docker;

/// <summary>The Docker Engine did not answer. The message carries the fix; the CLI exits 3 without a stack trace.</summary>
internal sealed class DockerUnavailableException : Exception
{
    public DockerUnavailableException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
