using System.Net.Sockets;
using static System.FormattableString;

namespace Drills.Orchestrator.Checks;

/// <summary>Real http and tcp probes, each bounded by its own timeout so a hung service reads as a failure.</summary>
internal sealed class LoopbackNetworkProbe(TimeProvider time) : INetworkProbe, IDisposable
{
    /// <summary>Longest a single probe may take; a slower answer counts as down.</summary>
    public static TimeSpan ProbeTimeout { get; } = TimeSpan.FromSeconds(3);

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        // A fresh connection per probe: a pooled socket to a killed server would hide the outage.
        PooledConnectionLifetime = TimeSpan.Zero,
        UseProxy = false,
    })
    {
        // Each probe is bounded by ProbeTimeout on the process's clock instead.
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<ProbeResult> HttpAsync(string url, int expectStatus, string? contains, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.ConnectionClose = true;
            // Headers first: the body is read up to a bound, never buffered whole.
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            var body = await BoundedBody.ReadAsync(response.Content, linked.Token);
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

    public async Task<ProbeResult> TcpAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, linked.Token);
            return ProbeResult.Pass("connected");
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ProbeResult.Fail(Describe(ex));
        }
    }

    public void Dispose() => _http.Dispose();

    private static string Describe(Exception ex) => ex switch
    {
        TaskCanceledException or OperationCanceledException => Invariant($"no answer within {ProbeTimeout.TotalSeconds:0} s"),
        HttpRequestException { InnerException: SocketException s } => s.SocketErrorCode.ToString(),
        SocketException s => s.SocketErrorCode.ToString(),
        _ => ex.Message,
    };
}
