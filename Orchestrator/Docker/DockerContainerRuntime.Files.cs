using Docker.DotNet.Models;
using Drills.Scenarios.Text;
using static System.FormattableString;

namespace Drills.Orchestrator.Docker;

/// <summary>Exec and copy: the calls that act inside a container.</summary>
internal sealed partial class DockerContainerRuntime
{
    /// <summary>How long to wait for the engine to record an exec's exit code once its output has ended.</summary>
    private static readonly TimeSpan ExitCodeWait = TimeSpan.FromSeconds(5);

    public Task<ExecResult> ExecAsync(string containerId, IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        ExecWithEnvironmentAsync(containerId, command, new Dictionary<string, string>(), cancellationToken);

    public async Task<ExecResult> ExecWithEnvironmentAsync(string containerId, IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var call = new DockerCall($"exec [{string.Join(' ', command)}] in", containerId);
        var result = await CallAsync(call, () => RunExecAsync(containerId, command, environment, cancellationToken), cancellationToken);
        _logger.Debug(
            "Ran {Command} in {Container}: exit {ExitCode}, {StdoutBytes} bytes of stdout and {StderrBytes} of stderr{Cut} in {Elapsed}",
            command, containerId, result.ExitCode, result.StdoutBytes, result.StderrBytes, result.CutNote, Elapsed(started));
        return result;
    }

    public async Task<T> ReadArchiveAsync<T>(
        string containerId, string path, ArchiveLimit limit, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        long bytes = 0;
        var result = await CallAsync(
            new DockerCall($"copy {path} out of", containerId),
            async () =>
            {
                using var entry = await _pauses.EnterAsync(containerId, cancellationToken);
                var archive = await _client.Containers.GetArchiveFromContainerAsync(
                    containerId, new ContainerPathStatParameters { Path = path }, statOnly: false, cancellationToken);
                // Read as it arrives: the engine's stream dies with the HTTP response, so the reader gets it only while it runs.
                await using var source = archive.Stream
                    ?? throw new DockerOperationException($"The engine sent no archive for {path} in {containerId}.", "check that the path exists in the container and the engine is healthy (docker info)");
                await using var bounded = new BoundedReadStream(source, ShortId(containerId), path, limit);
                var value = await read(bounded, cancellationToken);
                bytes = bounded.Position;
                return value;
            },
            cancellationToken);
        _logger.Debug("Read {Path} out of {Container} ({Bytes} bytes tar) in {Elapsed}", path, containerId, bytes, Elapsed(started));
        return result;
    }

    public async Task CopyToAsync(string containerId, string directory, Stream tar, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        await CallAsync(
            new DockerCall($"copy a tar into {directory} of", containerId),
            async () =>
            {
                using var entry = await _pauses.EnterAsync(containerId, cancellationToken);
                await _client.Containers.ExtractArchiveToContainerAsync(
                    containerId, new CopyToContainerParameters { Path = directory }, tar, cancellationToken);
            },
            cancellationToken);
        _logger.Debug("Copied a tar into {Directory} of {Container} in {Elapsed}", directory, containerId, Elapsed(started));
    }

    private async Task<ExecResult> RunExecAsync(string containerId, IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        using var entry = await _pauses.EnterAsync(containerId, cancellationToken);
        await RefuseIfPausedAsync(containerId, cancellationToken);
        var exec = await _client.Exec.CreateContainerExecAsync(
            containerId,
            new ContainerExecCreateParameters
            {
                Cmd = command.ToList(),
                Env = environment.Select(e => $"{e.Key}={e.Value}").ToList(),
                AttachStdout = true,
                AttachStderr = true,
            },
            cancellationToken);
        BoundedOutput.Kept stdout, stderr;
        using (var stream = await _client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), cancellationToken))
        {
            (stdout, stderr) = await BoundedOutput.ReadAsync(stream, cancellationToken);
        }

        // Masked as it enters: every later cut (progress lines, journal, errors) works on text that holds no secret whole or in part.
        return new ExecResult(await ExitCodeAsync(exec.ID, cancellationToken), Secrets.Redact(stdout.Text), Secrets.Redact(stderr.Text))
        {
            StdoutBytes = stdout.TotalBytes,
            StderrBytes = stderr.TotalBytes,
        };
    }

    /// <summary>Covers containers paused by someone else; see <see cref="PauseGuard"/> for why an exec must never meet a frozen container.</summary>
    private async Task RefuseIfPausedAsync(string containerId, CancellationToken cancellationToken)
    {
        var state = (await _client.Containers.InspectContainerAsync(containerId, cancellationToken)).State;
        if (state?.Paused == true)
        {
            throw new DockerOperationException($"Container {containerId[..Math.Min(12, containerId.Length)]} is paused: nothing can run inside it until it is unpaused.", "unpause it (restore step unpause) before steps that run inside it");
        }
    }

    /// <summary>
    /// The output can end a moment before the engine records the exit code (the process closed its
    /// streams but has not been reaped yet), so inspect until it is there.
    /// </summary>
    private async Task<long> ExitCodeAsync(string execId, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            var inspect = await _client.Exec.InspectContainerExecAsync(execId, cancellationToken);
            if (!inspect.Running && inspect.ExitCode is { } code)
            {
                return code;
            }

            if (_time.GetElapsedTime(started) > ExitCodeWait)
            {
                throw new DockerOperationException(
                    Invariant($"Exec {ShortId(execId)} ended its output but the engine reported no exit code within {ExitCodeWait.TotalSeconds:0} s."), "check the engine's health (docker info) and run the drill again");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), _time, cancellationToken);
        }
    }
}
