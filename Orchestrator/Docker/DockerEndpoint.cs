using Docker.DotNet;

namespace Drills.Orchestrator.Docker;

/// <summary>Which engine to talk to, and a client for it.</summary>
internal static class DockerEndpoint
{
    public const string DefaultSocket = "unix:///var/run/docker.sock";

    /// <summary>The endpoint as the user would write it in DOCKER_HOST.</summary>
    public static string Describe(Uri? endpoint) =>
        endpoint?.ToString()
        ?? (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : DefaultSocket);

    public static IDockerClient Connect(Uri? endpoint, string description)
    {
        try
        {
            var builder = new DockerClientBuilder();
            return endpoint is null ? builder.Build() : builder.WithEndpoint(endpoint).Build();
        }
        catch (Exception error) when (error is DockerConfigurationException or ArgumentException or UriFormatException or NotSupportedException)
        {
            // A DOCKER_HOST the client cannot use is as fatal as an engine that does not answer.
            throw new DockerUnavailableException(
                $"Cannot use Docker Engine endpoint {description}: {error.Message.TrimEnd('.')}.", "set DOCKER_HOST to unix:///var/run/docker.sock, or run ./drills setup",
                error);
        }
    }
}
