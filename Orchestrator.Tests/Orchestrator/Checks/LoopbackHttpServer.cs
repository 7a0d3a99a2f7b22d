using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Drills.Orchestrator.Tests.Orchestrator.Checks;

/// <summary>A real HTTP/1.1 server on a free 127.0.0.1 port answering each path with a canned status, Location and
/// body, and recording every path asked for, so a probe's requests are seen on a real socket.</summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Dictionary<string, (int Status, string? Location, string Body)> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly CancellationTokenSource _stop = new();

    public LoopbackHttpServer()
    {
        _listener.Start();
        _ = ServeAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<string> Requests => [.. _requests];

    public LoopbackHttpServer Answer(string path, int status, string body = "", string? location = null)
    {
        _answers[path] = (status, location, body);
        return this;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                await AnswerAsync(client.GetStream());
            }
        }
    }

    private async Task AnswerAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        var path = (await reader.ReadLineAsync(_stop.Token))?.Split(' ') is [_, var target, ..] ? target : "";
        while (!string.IsNullOrEmpty(await reader.ReadLineAsync(_stop.Token)))
        {
            // Headers are not needed: every answer depends on the path alone.
        }

        _requests.Enqueue(path);
        var (status, location, body) = _answers.TryGetValue(path, out var answer) ? answer : (404, null, "");
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status} X\r\n{(location is null ? "" : $"Location: {location}\r\n")}Content-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
        await stream.WriteAsync(bytes, _stop.Token);
    }
}
