using Docker.DotNet.Models;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Docker;

/// <summary>Execs whose stdout or stdin is a stream: a dump read to disk as it comes, a backup fed to a load command.</summary>
internal sealed partial class DockerContainerRuntime
{
    public async Task<(T Value, ExecResult Result)> ExecReadAsync<T>(
        string containerId, IReadOnlyList<string> command, ArchiveLimit limit, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var shown = $"[{string.Join(' ', command)}]";
        var (value, result) = await CallAsync(
            new DockerCall($"exec {shown} (stdout streamed) in", containerId),
            async () =>
            {
                using var entry = await _pauses.EnterAsync(containerId, cancellationToken);
                await RefuseIfPausedAsync(containerId, cancellationToken);
                var exec = await _client.Exec.CreateContainerExecAsync(
                    containerId, new ContainerExecCreateParameters { Cmd = command.ToList(), AttachStdout = true, AttachStderr = true }, cancellationToken);
                T value;
                ExecStdoutStream output;
                long bytes;
                using (var stream = await _client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), cancellationToken))
                {
                    output = new ExecStdoutStream(stream);
                    await using var bounded = new BoundedReadStream(output, ShortId(containerId), $"the output of {shown}", limit);
                    value = await read(bounded, cancellationToken);
                    // What the reader left belongs to the command too: read to its end, so the exit code is the command's own.
                    await bounded.CopyToAsync(Stream.Null, cancellationToken);
                    bytes = bounded.Position;
                }

                var code = await ExitCodeAsync(exec.ID, cancellationToken);
                return (value, new ExecResult(code, "", Secrets.Redact(output.Stderr.Text)) { StdoutBytes = bytes, StderrBytes = output.Stderr.TotalBytes });
            },
            cancellationToken);
        _logger.Debug("Ran {Command} in {Container} with stdout streamed: exit {ExitCode}, {StdoutBytes} bytes of stdout in {Elapsed}",
            command, containerId, result.ExitCode, result.StdoutBytes, Elapsed(started));
        return (value, result);
    }

    public async Task<ExecResult> ExecWithInputAsync(string containerId, IReadOnlyList<string> command, Stream input, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var result = await CallAsync(
            new DockerCall($"exec [{string.Join(' ', command)}] (stdin fed) in", containerId),
            async () =>
            {
                using var entry = await _pauses.EnterAsync(containerId, cancellationToken);
                await RefuseIfPausedAsync(containerId, cancellationToken);
                var exec = await _client.Exec.CreateContainerExecAsync(
                    containerId,
                    new ContainerExecCreateParameters { Cmd = command.ToList(), AttachStdin = true, AttachStdout = true, AttachStderr = true },
                    cancellationToken);
                BoundedOutput.Kept stdout, stderr;
                using (var stream = await _client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), cancellationToken))
                {
                    // Fed and read at once: a command that writes while it reads would otherwise fill its pipe and stop.
                    var feeding = FeedAsync(stream, input, cancellationToken);
                    (stdout, stderr) = await BoundedOutput.ReadAsync(stream, cancellationToken);
                    await feeding;
                }

                return new ExecResult(await ExitCodeAsync(exec.ID, cancellationToken), Secrets.Redact(stdout.Text), Secrets.Redact(stderr.Text))
                {
                    StdoutBytes = stdout.TotalBytes,
                    StderrBytes = stderr.TotalBytes,
                };
            },
            cancellationToken);
        _logger.Debug("Ran {Command} in {Container} with stdin fed: exit {ExitCode}{Cut} in {Elapsed}",
            command, containerId, result.ExitCode, result.CutNote, Elapsed(started));
        return result;
    }

    /// <summary>Writes the input, then closes the command's stdin so it sees its end.</summary>
    private async Task FeedAsync(global::Docker.DotNet.MultiplexedStream stream, Stream input, CancellationToken cancellationToken)
    {
        try
        {
            await stream.CopyFromAsync(input, cancellationToken);
            stream.CloseWrite();
        }
        catch (IOException ex)
        {
            // The command stopped reading (it failed, or needed less): its exit code and stderr say why.
            _logger.Debug("Stdin of an exec closed early: {Error}", ex.Message);
        }
    }
}
