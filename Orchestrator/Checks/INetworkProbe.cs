using Drills.Scenarios.Checks;

namespace Drills.Orchestrator.Checks;

/// <summary>
/// The host-side network probes (http, tcp). Behind an interface so the engine's unit tests can
/// drive a simulated system; the real one talks to 127.0.0.1, and to other hosts only within the
/// system's <see cref="CheckReach"/>.
/// </summary>
internal interface INetworkProbe
{
    Task<ProbeResult> HttpAsync(string url, int expectStatus, string? contains, CheckReach reach, CancellationToken cancellationToken);

    Task<ProbeResult> TcpAsync(string host, int port, CheckReach reach, CancellationToken cancellationToken);
}
