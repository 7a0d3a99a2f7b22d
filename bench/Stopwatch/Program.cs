using System.Globalization;

// stopwatch URL [EVERY_MS]: polls URL every EVERY_MS (default 50) on a fixed-rate timer, a fresh connection each
// time, and prints one JSON line (flushed) at start and at every transition:
//   {"state":"up","at":"2026-12-01T18:00:00.1234567Z","since":"2026-12-01T18:00:00.0734567Z","polls":12}
// "at" is the UTC wall time the first poll in the new state was sent; "since" the send time of the last poll in the
// old state (absent on the first line), so the transition happened in (since, at]. "Up" is a 2xx answer within
// the poll timeout. It shares nothing with drills but the machine's clock, and stops when its stdin closes.
if (args.Length is < 1 or > 2 || !Uri.TryCreate(args[0], UriKind.Absolute, out var url))
{
    Console.Error.WriteLine("usage: stopwatch URL [EVERY_MS]");
    return 2;
}

var every = TimeSpan.FromMilliseconds(args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50);
using var stop = new CancellationTokenSource();
// The harness ends the watch by closing stdin: no signal handling, nothing left behind.
_ = Task.Run(async () =>
{
    await Console.In.ReadToEndAsync();
    await stop.CancelAsync();
});

// A fresh connection per poll, so a kept-alive socket never answers for a server that is gone.
using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero, ConnectTimeout = every * 10 })
{
    Timeout = TimeSpan.FromSeconds(1),
};
http.DefaultRequestHeaders.ConnectionClose = true;

using var timer = new PeriodicTimer(every);
bool? state = null;
DateTime last = default;
var polls = 0;
try
{
    do
    {
        var sent = DateTime.UtcNow;
        var up = await IsUpAsync(http, url, stop.Token);
        polls++;
        if (up != state)
        {
            var since = state is null ? "" : string.Create(CultureInfo.InvariantCulture, $",\"since\":\"{last:O}\"");
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"state\":\"{(up ? "up" : "down")}\",\"at\":\"{sent:O}\"{since},\"polls\":{polls}}}"));
            Console.Out.Flush();
            state = up;
        }

        last = sent;
    }
    while (await timer.WaitForNextTickAsync(stop.Token));
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
}

return 0;

static async Task<bool> IsUpAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
{
    try
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return response.IsSuccessStatusCode;
    }
    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
    {
        return false;
    }
}
