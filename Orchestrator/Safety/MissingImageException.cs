namespace Drills.Orchestrator.Safety;

/// <summary>A system's image is not in the local engine; there is no registry to pull it from.</summary>
internal sealed class MissingImageException : Exception
{
    public MissingImageException(string message) : base(message)
    {
    }
}
