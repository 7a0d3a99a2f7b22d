using System.Net;
using System.Net.Sockets;
using Drills.Orchestrator.Checks;
using Drills.Scenarios.Checks;

namespace Drills.Orchestrator.Tests.Orchestrator.Checks;

/// <summary>The real probe reaches loopback and the system's check_hosts only: through redirects and through
/// what a name resolves to. Servers are real sockets on 127.0.0.1; names resolve through a fixed table.</summary>
public sealed class LoopbackNetworkProbeTests : IDisposable
{
    private readonly LoopbackHttpServer _server = new();
    private readonly Names _names = new();
    private readonly LoopbackNetworkProbe _probe;

    public LoopbackNetworkProbeTests() => _probe = new LoopbackNetworkProbe(TimeProvider.System, new HostGate(_names.ResolveAsync));

    [Fact]
    public async Task Redirect_to_a_path_on_loopback_is_followed()
    {
        _server.Answer("/old", 302, location: "/health").Answer("/health", 200, "ok");

        var result = await _probe.HttpAsync(Url("/old"), 200, "ok", CheckReach.LoopbackOnly, Timeout());

        Assert.Equal(ProbeResult.Pass("HTTP 200"), result);
        Assert.Equal(["/old", "/health"], _server.Requests);
    }

    [Fact]
    public async Task Redirect_to_a_host_outside_the_reach_is_not_followed_nor_resolved()
    {
        _server.Answer("/old", 302, location: $"http://intranet.test:{_server.Port}/health");

        var result = await _probe.HttpAsync(Url("/old"), 200, null, CheckReach.LoopbackOnly, Timeout());

        Assert.False(result.Passed);
        Assert.StartsWith("HTTP 302 redirects to intranet.test, which is not this machine's loopback", result.Observation, StringComparison.Ordinal);
        Assert.Empty(_names.Asked);
        Assert.Equal(["/old"], _server.Requests);
    }

    [Fact]
    public async Task Redirect_to_the_metadata_service_is_not_followed_whatever_the_system_lists()
    {
        _server.Answer("/old", 301, location: "http://169.254.169.254/latest/meta-data/");

        var result = await _probe.HttpAsync(Url("/old"), 200, null, new CheckReach(["intranet.test", "10.0.0.12"]), Timeout());

        Assert.False(result.Passed);
        Assert.Contains("redirects to 169.254.169.254, which is link-local", result.Observation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirect_to_a_listed_host_is_followed_to_the_address_it_resolves_to()
    {
        _names.Add("portal.test", IPAddress.Loopback);
        _server.Answer("/old", 307, location: $"http://portal.test:{_server.Port}/health").Answer("/health", 200, "ok");

        var result = await _probe.HttpAsync(Url("/old"), 200, "ok", new CheckReach(["portal.test"]), Timeout());

        Assert.Equal(ProbeResult.Pass("HTTP 200"), result);
        Assert.Equal(["portal.test"], _names.Asked);
        Assert.Equal(["/old", "/health"], _server.Requests);
    }

    [Fact]
    public async Task Check_that_expects_a_redirect_is_answered_by_the_first_response()
    {
        _server.Answer("/old", 302, location: "/health").Answer("/health", 200);

        var result = await _probe.HttpAsync(Url("/old"), 302, null, CheckReach.LoopbackOnly, Timeout());

        Assert.Equal(ProbeResult.Pass("HTTP 302"), result);
        Assert.Equal(["/old"], _server.Requests);
    }

    [Fact]
    public async Task Redirect_loop_fails_after_the_most_redirects_a_probe_follows()
    {
        _server.Answer("/loop", 302, location: "/loop");

        var result = await _probe.HttpAsync(Url("/loop"), 200, null, CheckReach.LoopbackOnly, Timeout());

        Assert.Equal(ProbeResult.Fail($"HTTP 302: more than {LoopbackNetworkProbe.MaxRedirects} redirects; not followed"), result);
        Assert.Equal(LoopbackNetworkProbe.MaxRedirects + 1, _server.Requests.Count);
    }

    [Fact]
    public async Task Localhost_resolving_beyond_loopback_is_not_connected_to()
    {
        _names.Add("localhost", IPAddress.Loopback, IPAddress.Parse("10.0.0.5"));
        _server.Answer("/health", 200);

        var http = await _probe.HttpAsync($"http://localhost:{_server.Port}/health", 200, null, CheckReach.LoopbackOnly, Timeout());
        var tcp = await _probe.TcpAsync("localhost", _server.Port, CheckReach.LoopbackOnly, Timeout());

        Assert.Equal("localhost resolves to 10.0.0.5, which is not this machine's loopback (127.0.0.0/8, ::1) and not listed in the system's check_hosts; not connected.", http.Observation);
        Assert.Equal(http, tcp);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Listed_name_resolving_to_a_link_local_address_is_not_connected_to()
    {
        _names.Add("metadata.test", IPAddress.Parse("169.254.169.254"));

        var result = await _probe.TcpAsync("metadata.test", 80, new CheckReach(["metadata.test"]), Timeout());

        Assert.False(result.Passed);
        Assert.StartsWith("metadata.test resolves to 169.254.169.254, which is link-local", result.Observation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_outside_the_reach_is_refused_before_it_is_resolved()
    {
        var result = await _probe.TcpAsync("intranet.test", 80, CheckReach.LoopbackOnly, Timeout());

        Assert.False(result.Passed);
        Assert.StartsWith("intranet.test is not this machine's loopback", result.Observation, StringComparison.Ordinal);
        Assert.Empty(_names.Asked);
    }

    [Fact]
    public async Task Listed_name_resolving_to_its_own_address_is_connected_to()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _names.Add("db.test", IPAddress.Loopback);

        var result = await _probe.TcpAsync("db.test", ((IPEndPoint)listener.LocalEndpoint).Port, new CheckReach(["db.test"]), Timeout());

        Assert.Equal(ProbeResult.Pass("connected"), result);
    }

    [Fact]
    public async Task Localhost_through_the_systems_resolver_reaches_a_loopback_server()
    {
        using var probe = new LoopbackNetworkProbe(TimeProvider.System);
        _server.Answer("/health", 200, "ok");

        var result = await probe.HttpAsync($"http://localhost:{_server.Port}/health", 200, "ok", CheckReach.LoopbackOnly, Timeout());

        Assert.Equal(ProbeResult.Pass("HTTP 200"), result);
    }

    public void Dispose()
    {
        _probe.Dispose();
        _server.Dispose();
    }

    private string Url(string path) => $"http://127.0.0.1:{_server.Port}{path}";

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    /// <summary>A fixed name table standing in for DNS, which records every name it was asked for.</summary>
    private sealed class Names
    {
        private readonly Dictionary<string, IPAddress[]> _table = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _asked = [];

        public IReadOnlyList<string> Asked
        {
            get
            {
                lock (_asked)
                {
                    return [.. _asked];
                }
            }
        }

        public void Add(string name, params IPAddress[] addresses) => _table[name] = addresses;

        public Task<IPAddress[]> ResolveAsync(string name, CancellationToken cancellationToken)
        {
            lock (_asked)
            {
                _asked.Add(name);
            }

            return _table.TryGetValue(name, out var addresses)
                ? Task.FromResult(addresses)
                : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
        }
    }
}
