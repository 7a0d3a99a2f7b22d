using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace Drills.Orchestrator.Tests.Orchestrator.Evidence;

/// <summary>
/// A real RFC 3161 time-stamp authority on 127.0.0.1 (ports 18911-18915): every query is answered by
/// <c>openssl ts -reply</c> with a TSA certificate (extendedKeyUsage critical timeStamping) issued by its own CA.
/// It can also answer with garbage or HTTP 503, or take the query and never answer, to stand for a broken authority.
/// </summary>
internal sealed partial class LocalTimestampAuthority : IAsyncDisposable
{
    public enum Behaviour { Answer, Garbage, Silent, Unavailable }

    private readonly HttpListener _listener;
    private readonly string _folder;
    private readonly Behaviour _behaviour;
    private readonly Task _serving;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _queried = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<DateTimeOffset> _issued = [];
    private int _requests;

    private LocalTimestampAuthority(HttpListener listener, Uri address, string folder, string caPem, Behaviour behaviour)
    {
        _listener = listener;
        Address = address;
        _folder = folder;
        CaPem = caPem;
        _behaviour = behaviour;
        _serving = Task.Run(ServeAsync);
    }

    public Uri Address { get; }

    /// <summary>The CA that issued the TSA certificate, for <c>openssl ts -verify -CAfile</c>.</summary>
    public string CaPem { get; }

    /// <summary>Completes when the first query arrives.</summary>
    public Task Queried => _queried.Task;

    /// <summary>The genTime of every token issued, as openssl reports it.</summary>
    public IReadOnlyList<DateTimeOffset> Issued
    {
        get
        {
            lock (_issued)
            {
                return [.. _issued];
            }
        }
    }

    public static LocalTimestampAuthority Start(string folder, Behaviour behaviour = Behaviour.Answer)
    {
        Directory.CreateDirectory(folder);
        using var ca = TestCertificates.Authority("Test TSA Root");
        using var tsa = TestCertificates.Leaf(ca, "Test Time-Stamp Authority", timeStamping: true);
        File.WriteAllText(Path.Combine(folder, "ca.pem"), TestCertificates.Pem(ca));
        File.WriteAllText(Path.Combine(folder, "tsa.pem"), TestCertificates.Pem(tsa));
        using (var key = tsa.GetECDsaPrivateKey()!)
        {
            File.WriteAllText(Path.Combine(folder, "tsa-key.pem"), key.ExportPkcs8PrivateKeyPem());
        }

        File.WriteAllText(Path.Combine(folder, "serial"), "01\n");
        File.WriteAllText(Path.Combine(folder, "tsa.cnf"), Config(folder));

        foreach (var port in Enumerable.Range(18911, 5))
        {
            var address = new Uri($"http://127.0.0.1:{port}/tsr/");
            var listener = new HttpListener();
            listener.Prefixes.Add(address.ToString());
            try
            {
                listener.Start();
                return new LocalTimestampAuthority(listener, address, folder, TestCertificates.Pem(ca), behaviour);
            }
            catch (Exception ex) when (ex is HttpListenerException or SocketException)
            {
                listener.Close();
            }
        }

        throw new InvalidOperationException("No free port for the test time-stamp authority in 18911-18915.");
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var number = Interlocked.Increment(ref _requests);
        var query = Path.Combine(_folder, $"q{number}.tsq");
        await using (var file = File.Create(query))
        {
            await context.Request.InputStream.CopyToAsync(file);
        }

        _queried.TrySetResult();
        switch (_behaviour)
        {
            case Behaviour.Silent:
                await Task.Delay(Timeout.Infinite, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                context.Response.Abort();
                return;
            case Behaviour.Unavailable:
                context.Response.StatusCode = 503;
                context.Response.Close();
                return;
            case Behaviour.Garbage:
                await ReplyAsync(context, "this is not a timestamp reply"u8.ToArray());
                return;
            default:
                await ReplyAsync(context, await IssueAsync(query, number));
                return;
        }
    }

    private async Task<byte[]> IssueAsync(string query, int number)
    {
        var reply = Path.Combine(_folder, $"r{number}.tsr");
        var made = await OpenSsl.RunAsync(_folder, "ts", "-reply", "-config", "tsa.cnf", "-queryfile", query, "-out", reply);
        if (made.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl ts -reply failed: {made}");
        }

        var text = await OpenSsl.RunAsync(_folder, "ts", "-reply", "-in", reply, "-text");
        lock (_issued)
        {
            _issued.Add(GenTime(text.Output));
        }

        return await File.ReadAllBytesAsync(reply);
    }

    private static async Task ReplyAsync(HttpListenerContext context, byte[] body)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/timestamp-reply";
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }

    /// <summary>"Time stamp: Dec  1 12:30:05 2026 GMT" as openssl prints it.</summary>
    private static DateTimeOffset GenTime(string text)
    {
        var match = TimeStampLine().Match(text);
        var squeezed = Regex.Replace(match.Groups[1].Value, " +", " ");
        return DateTimeOffset.ParseExact(squeezed, ["MMM d HH:mm:ss yyyy", "MMM d HH:mm:ss.FFF yyyy"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    private static string Config(string folder) => $"""
        [ tsa ]
        default_tsa = drills_test_tsa

        [ drills_test_tsa ]
        dir = {folder}
        serial = $dir/serial
        crypto_device = builtin
        signer_cert = $dir/tsa.pem
        certs = $dir/ca.pem
        signer_key = $dir/tsa-key.pem
        signer_digest = sha256
        default_policy = 1.2.3.4.1
        digests = sha256, sha384, sha512
        accuracy = secs:1
        ordering = yes
        tsa_name = no
        ess_cert_id_chain = no
        ess_cert_id_alg = sha256
        """;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        await _serving;
        _stop.Dispose();
    }

    [GeneratedRegex(@"Time stamp: (.+?) GMT")]
    private static partial Regex TimeStampLine();
}
