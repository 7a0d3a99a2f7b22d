using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

// The floor of one drill cycle: what any program must do to kill a container, start it and see it healthy again, and
// nothing more. The same Engine API calls drills makes (inspect, kill, start, exec) over the same unix socket with
// the same client library, the same two checks probed together in rounds at the same interval, a fresh HTTP
// connection per probe as drills opens, rounds sent one interval apart. No host, no logging, no store, no baseline,
// no report.
//   floor CONTAINER URL INTERVAL_MS EXEC_COMMAND...
// Prints {"recoverySeconds": T1 - T0, "confirmedSeconds": ..., "rounds": N}: T0 just before the kill, T1 as drills
// takes it: each check timed by its own answer, T1 the first passing answer of the check that passed last (every
// check passing since), confirmed when the first round whose checks all passed ended.
if (args.Length < 4)
{
    await Console.Error.WriteLineAsync("usage: floor CONTAINER URL INTERVAL_MS EXEC_COMMAND...");
    return 2;
}

var (container, url) = (args[0], new Uri(args[1]));
var interval = TimeSpan.FromMilliseconds(int.Parse(args[2], CultureInfo.InvariantCulture));
var command = args[3..];

using var docker = new DockerClientBuilder().WithEndpoint(new Uri("unix:///var/run/docker.sock")).Build();
using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero, UseProxy = false })
{
    Timeout = TimeSpan.FromSeconds(3),
};

var id = (await docker.Containers.InspectContainerAsync(container)).ID;
var clock = Stopwatch.StartNew();
await docker.Containers.KillContainerAsync(id, new ContainerKillParameters { Signal = "SIGKILL" });
await docker.Containers.StartContainerAsync(id, new ContainerStartParameters());
var rounds = 0;
var passingSince = new TimeSpan?[2];
while (true)
{
    var round = clock.Elapsed;
    rounds++;
    var answers = await Task.WhenAll(Timed(HttpPassesAsync()), Timed(ExecPassesAsync()));
    for (var i = 0; i < answers.Length; i++)
    {
        passingSince[i] = answers[i].Passed ? passingSince[i] ?? answers[i].At : null;
    }

    if (passingSince.All(since => since is not null))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"recoverySeconds":{{passingSince.Max()!.Value.TotalSeconds:0.000}},"confirmedSeconds":{{clock.Elapsed.TotalSeconds:0.000}},"rounds":{{rounds}}}"""));
        return 0;
    }

    if (clock.Elapsed > TimeSpan.FromMinutes(2))
    {
        await Console.Error.WriteLineAsync($"floor: {container} not healthy within 2 minutes");
        return 1;
    }

    // Rounds are sent one interval apart, as drills sends them (a round that overran is followed at once).
    if (round + interval - clock.Elapsed is { Ticks: > 0 } rest)
    {
        await Task.Delay(rest);
    }
}

async Task<(bool Passed, TimeSpan At)> Timed(Task<bool> check)
{
    var passed = await check;
    return (passed, clock.Elapsed);
}

async Task<bool> HttpPassesAsync()
{
    try
    {
        using var response = await http.GetAsync(url);
        return (int)response.StatusCode == 200;
    }
    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
    {
        return false;
    }
}

async Task<bool> ExecPassesAsync()
{
    try
    {
        var exec = await docker.Exec.CreateContainerExecAsync(id, new ContainerExecCreateParameters { Cmd = command, AttachStdout = true, AttachStderr = true });
        using (var stream = await docker.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters()))
        {
            await stream.CopyOutputToAsync(Stream.Null, Stream.Null, Stream.Null, CancellationToken.None);
        }

        while (true)
        {
            var state = await docker.Exec.InspectContainerExecAsync(exec.ID);
            if (!state.Running)
            {
                return state.ExitCode == 0;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
    catch (DockerApiException)
    {
        // 409: the container is not running yet, as drills' exec check reads it.
        return false;
    }
}
