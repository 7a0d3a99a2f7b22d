namespace Drills.Orchestrator.Checks;

/// <summary>
/// The host-side network probes (http, tcp). Behind an interface so the engine's unit tests can
/// drive a simulated system; the real one talks to 127.0.0.1.
/// </summary>
internal interface INetworkProbe
{
    Task<ProbeResult> HttpAsync(string url, int expectStatus, string? contains, CancellationToken cancellationToken);

    Task<ProbeResult> TcpAsync(string host, int port, CancellationToken cancellationToken);
}
