using Drills.Orchestrator.Docker;

namespace Drills.Orchestrator.Tests.Orchestrator.Docker;

public sealed class Docker_runtime_changes_a_container_state : IAsyncLifetime
{
    private readonly BusyboxContainer _box = new();

    public Task InitializeAsync() => _box.InitializeAsync();

    public Task DisposeAsync() => _box.DisposeAsync();

    [Fact]
    public async Task Pause_then_unpause_returns_it_to_running()
    {
        await _box.Runtime.PauseAsync(_box.Id, _box.Token);
        var paused = await StatusAsync();
        await _box.Runtime.UnpauseAsync(_box.Id, _box.Token);

        Assert.Equal(ContainerStatus.Paused, paused);
        Assert.Equal(ContainerStatus.Running, await StatusAsync());
    }

    [Fact]
    public async Task Exec_into_a_paused_container_is_refused_and_the_engine_stays_responsive()
    {
        await _box.Runtime.PauseAsync(_box.Id, _box.Token);

        var refused = await Assert.ThrowsAsync<DockerOperationException>(
            () => _box.Runtime.ExecAsync(_box.Id, ["true"], _box.Token));
        await _box.Runtime.UnpauseAsync(_box.Id, _box.Token);
        var after = await _box.Runtime.ExecAsync(_box.Id, ["echo", "alive"], _box.Token);

        Assert.Contains("paused", refused.Message, StringComparison.Ordinal);
        Assert.Equal("alive", after.Stdout.Trim());
    }

    [Fact]
    public async Task Pause_racing_a_stream_of_execs_never_freezes_an_exec()
    {
        using var stop = new CancellationTokenSource();
        var ran = 0;
        var refused = 0;
        var probing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await _box.Runtime.ExecAsync(_box.Id, ["true"], _box.Token);
                    Interlocked.Increment(ref ran);
                }
                catch (DockerOperationException)
                {
                    // Refused while paused: exactly what must happen instead of a hang.
                    Interlocked.Increment(ref refused);
                }
            }
        });

        await TestEngine.EventuallyAsync("execs are streaming", TimeSpan.FromSeconds(20), () => Task.FromResult(Volatile.Read(ref ran) >= 3), _box.Token);
        await _box.Runtime.PauseAsync(_box.Id, _box.Token);
        await TestEngine.EventuallyAsync("an exec is refused while paused", TimeSpan.FromSeconds(20), () => Task.FromResult(Volatile.Read(ref refused) >= 1), _box.Token);
        await _box.Runtime.UnpauseAsync(_box.Id, _box.Token);
        var afterUnpause = Volatile.Read(ref ran);
        await TestEngine.EventuallyAsync("execs run again after unpause", TimeSpan.FromSeconds(20), () => Task.FromResult(Volatile.Read(ref ran) > afterUnpause), _box.Token);
        await stop.CancelAsync();
        await probing.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ContainerStatus.Running, await StatusAsync());
    }

    [Fact]
    public async Task Kill_with_SIGKILL_leaves_it_exited()
    {
        await _box.Runtime.KillAsync(_box.Id, "SIGKILL", _box.Token);

        await TestEngine.EventuallyAsync(
            "the killed container is exited",
            TimeSpan.FromSeconds(10),
            async () => await StatusAsync() == ContainerStatus.Exited,
            _box.Token);
    }

    [Fact]
    public async Task Stop_leaves_it_exited_and_start_runs_it_again()
    {
        await _box.Runtime.StopAsync(_box.Id, TimeSpan.FromSeconds(1), _box.Token);
        var stopped = await StatusAsync();
        await _box.Runtime.StartAsync(_box.Id, _box.Token);

        Assert.Equal(ContainerStatus.Exited, stopped);
        Assert.Equal(ContainerStatus.Running, await StatusAsync());
    }

    [Fact]
    public async Task Restart_leaves_it_running()
    {
        await _box.Runtime.RestartAsync(_box.Id, TimeSpan.FromSeconds(1), _box.Token);

        Assert.Equal(ContainerStatus.Running, await StatusAsync());
    }

    [Fact]
    public async Task Remove_makes_find_by_name_return_null()
    {
        await _box.Runtime.RemoveAsync(_box.Id, _box.Token);

        Assert.Null(await _box.Runtime.FindByNameAsync(_box.Name, _box.Token));
    }

    [Fact]
    public async Task Unpausing_a_running_container_fails_with_an_operation_error_naming_it()
    {
        var error = await Assert.ThrowsAsync<DockerOperationException>(
            () => _box.Runtime.UnpauseAsync(_box.Id, _box.Token));

        Assert.Contains(_box.Id, error.Message);
    }

    [Fact]
    public async Task Inspecting_a_container_that_does_not_exist_fails_with_an_operation_error()
    {
        var missing = TestEngine.UniqueName("missing");

        var error = await Assert.ThrowsAsync<DockerOperationException>(
            () => _box.Runtime.InspectAsync(missing, _box.Token));

        Assert.Contains(missing, error.Message);
    }

    private async Task<ContainerStatus> StatusAsync() =>
        (await _box.Runtime.InspectAsync(_box.Id, _box.Token)).Status;
}
