using System.Net;
using System.Net.Sockets;
using Drills.Scenarios.Checks;
using Serilog;
using Serilog.Events;
using static System.FormattableString;

namespace Drills.Orchestrator.Checks;

/// <summary>
/// Real http and tcp probes, each bounded by its own timeout so a hung service reads as a failure. Every
/// connection goes through a <see cref="HostGate"/>: a probe reaches loopback and the system's check_hosts
/// only, whatever a name resolves to or a server redirects to.
/// </summary>
internal sealed class LoopbackNetworkProbe : INetworkProbe, IDisposable
{
    /// <summary>Longest a single probe may take, redirects included; a slower answer counts as down.</summary>
    public static TimeSpan ProbeTimeout { get; } = TimeSpan.FromSeconds(3);

    /// <summary>Most redirects one http probe follows, as a browser would give up on a loop.</summary>
    public const int MaxRedirects = 5;

    // The reach of the check a request belongs to, read back where the connection is opened.
    private static readonly HttpRequestOptionsKey<CheckReach> ReachKey = new("drills.check-reach");

    private readonly TimeProvider _time;
    private readonly HostGate _gate;
    private readonly ILogger _log;
    private readonly HttpClient _http;

    /// <param name="log">Every probe is logged at Debug with its result and duration, as every Engine API call is.</param>
    public LoopbackNetworkProbe(TimeProvider time, HostGate? gate = null, ILogger? log = null)
    {
        _time = time;
        _gate = gate ?? HostGate.SystemResolver;
        _log = (log ?? Serilog.Core.Logger.None).ForContext<LoopbackNetworkProbe>();
        _http = new HttpClient(new SocketsHttpHandler
        {
            // A fresh connection per probe: a pooled socket to a killed server would hide the outage.
            PooledConnectionLifetime = TimeSpan.Zero,
            UseProxy = false,
            // Redirects are followed by hand, each one only to a host the system's checks may reach.
            AllowAutoRedirect = false,
            ConnectCallback = ConnectAsync,
        })
        {
            // Each probe is bounded by ProbeTimeout on the process's clock instead.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<ProbeResult> HttpAsync(string url, int expectStatus, string? contains, CheckReach reach, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var result = await GetAsync(url, expectStatus, contains, reach, cancellationToken);
        if (_log.IsEnabled(LogEventLevel.Debug))
        {
            // Scheme, host, port and path only: user info or a query may carry a secret.
            var shown = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(an invalid address)";
            _log.Debug("Probed {Url}: {Observation} in {Elapsed}", shown, result.Observation, _time.GetElapsedTime(started));
        }

        return result;
    }

    public async Task<ProbeResult> TcpAsync(string host, int port, CheckReach reach, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var result = await ConnectOnceAsync(host, port, reach, cancellationToken);
        _log.Debug("Probed tcp {Host}:{Port}: {Observation} in {Elapsed}", host, port, result.Observation, _time.GetElapsedTime(started));
        return result;
    }

    private async Task<ProbeResult> GetAsync(string url, int expectStatus, string? contains, CheckReach reach, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var (status, body, refused) = await FollowAsync(new Uri(url), expectStatus, reach, linked.Token);
            if (refused is not null)
            {
                return ProbeResult.Fail(refused);
            }

            if (status != expectStatus)
            {
                return ProbeResult.Fail($"HTTP {status}, expected {expectStatus}");
            }

            if (contains is not null && !body.Text.Contains(contains, StringComparison.Ordinal))
            {
                return ProbeResult.Fail($"HTTP {status}, body ({body.Text.Length} chars) lacks \"{contains}\"{body.CutNote}");
            }

            return ProbeResult.Pass($"HTTP {status}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ProbeResult.Fail(Describe(ex));
        }
    }

    private async Task<ProbeResult> ConnectOnceAsync(string host, int port, CheckReach reach, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var addresses = await _gate.AddressesAsync(host, reach, linked.Token);
            using var socket = await ConnectAnyAsync(addresses, port, linked.Token);
            return ProbeResult.Pass("connected");
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or HostRefusedException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ProbeResult.Fail(Describe(ex));
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// GETs the URL and follows redirects to hosts within reach. A check that expects a 3xx status is
    /// answered by the first response, so it can assert the redirect itself. Returns the final status and
    /// body, or why a redirect was not followed.
    /// </summary>
    private async Task<(int Status, BoundedBody Body, string? Refused)> FollowAsync(Uri uri, int expectStatus, CheckReach reach, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.ConnectionClose = true;
            request.Options.Set(ReachKey, reach);
            // Headers first: the body is read up to a bound, never buffered whole.
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (!IsRedirect(status) || IsRedirect(expectStatus) || response.Headers.Location is not { } location)
            {
                return (status, await BoundedBody.ReadAsync(response.Content, cancellationToken), null);
            }

            var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
            if (RedirectRefusal(status, next, reach, hop) is { } refused)
            {
                return (status, new BoundedBody("", ""), refused);
            }

            uri = next;
        }
    }

    // Only the host is shown: a redirect's full address may carry credentials or tokens.
    private static string? RedirectRefusal(int status, Uri next, CheckReach reach, int hop)
    {
        if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
        {
            return $"HTTP {status} redirects to a {next.Scheme} address, which a check does not follow";
        }

        if (CheckReach.HostOf(next) is not { } host)
        {
            return $"HTTP {status} redirects to a host that is not a valid name; not followed";
        }

        if (reach.RefusalOf(host) is { } refusal)
        {
            return $"HTTP {status} redirects to {host}, which {refusal}; not followed";
        }

        return hop >= MaxRedirects ? Invariant($"HTTP {status}: more than {MaxRedirects} redirects; not followed") : null;
    }

    private static bool IsRedirect(int status) => status is 300 or 301 or 302 or 303 or 307 or 308;

    /// <summary>Opens each http connection through the gate, so a name that resolves outside reach is never connected to.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var reach = context.InitialRequestMessage.Options.TryGetValue(ReachKey, out var set) ? set : CheckReach.LoopbackOnly;
        var addresses = await _gate.AddressesAsync(context.DnsEndPoint.Host, reach, cancellationToken);
        return new NetworkStream(await ConnectAnyAsync(addresses, context.DnsEndPoint.Port, cancellationToken), ownsSocket: true);
    }

    /// <summary>A socket connected to the first of the addresses that accepts, tried in order; only these addresses, never a fresh lookup.</summary>
    private static async Task<Socket> ConnectAnyAsync(IPAddress[] addresses, int port, CancellationToken cancellationToken)
    {
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, port, cancellationToken);
                return socket;
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    private static string Describe(Exception ex) => ex switch
    {
        TaskCanceledException or OperationCanceledException => Invariant($"no answer within {ProbeTimeout.TotalSeconds:0} s"),
        HttpRequestException { InnerException: HostRefusedException refused } => refused.Problem,
        HostRefusedException refused => refused.Problem,
        HttpRequestException { InnerException: SocketException s } => s.SocketErrorCode.ToString(),
        SocketException s => s.SocketErrorCode.ToString(),
        _ => ex.Message,
    };
}
