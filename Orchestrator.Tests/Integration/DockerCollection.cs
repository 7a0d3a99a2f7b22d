namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// Real-Docker tests run one at a time: they share two cores with the engine, and the timing test
/// must not be measured while another drill is loading the machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DockerCollection
{
    public const string Name = "docker";
}
