using System.Formats.Tar;
using System.Text;
using Drills.Orchestrator.Docker;

namespace Drills.Orchestrator.Tests.Orchestrator.Docker;

public sealed class Docker_runtime_acts_inside_a_running_container : IAsyncLifetime
{
    private readonly BusyboxContainer _box = new();

    public Task InitializeAsync() => _box.InitializeAsync();

    public Task DisposeAsync() => _box.DisposeAsync();

    [Fact]
    public async Task A_created_and_started_container_inspects_as_running()
    {
        var info = await _box.Runtime.InspectAsync(_box.Id, _box.Token);

        Assert.Equal(ContainerStatus.Running, info.Status);
        Assert.Equal(_box.Name, info.Name);
        Assert.Equal(BusyboxContainer.Image, info.Image);
        Assert.StartsWith("sha256:", info.ImageDigest);
        Assert.Null(info.Health);
    }

    [Fact]
    public async Task Labels_given_at_create_come_back_from_inspect()
    {
        var info = await _box.Runtime.InspectAsync(_box.Id, _box.Token);

        foreach (var (key, value) in BusyboxContainer.Labels)
        {
            Assert.Equal(value, info.Labels[key]);
        }
    }

    [Fact]
    public async Task Exec_returns_stdout_stderr_and_a_non_zero_exit_code()
    {
        var result = await _box.Runtime.ExecAsync(
            _box.Id, ["sh", "-c", "echo \"$GREETING\"; echo oops >&2; exit 3"], _box.Token);

        Assert.Equal(3, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Equal("xin chào\n", result.Stdout);
        Assert.Equal("oops\n", result.Stderr);
    }

    [Fact]
    public async Task Copy_out_returns_a_tar_whose_root_is_the_copied_folder()
    {
        var files = await _box.Runtime.ReadArchiveAsync(_box.Id, "/data", ArchiveLimit.InMemory, (tar, _) => ReadFilesAsync(tar), _box.Token);

        Assert.Equal("hello\n", files["data/a.txt"]);
    }

    [Fact]
    public async Task Copy_out_past_the_limit_fails_naming_the_container_path_and_fix()
    {
        var tooSmall = new ArchiveLimit(1024, "raise the limit");

        var refused = await Assert.ThrowsAsync<ArchiveTooLargeException>(() =>
            _box.Runtime.ReadArchiveAsync(_box.Id, "/data", tooSmall, async (tar, ct) =>
            {
                await tar.CopyToAsync(Stream.Null, ct);
                return true;
            }, _box.Token));

        Assert.Contains("/data", refused.Problem, StringComparison.Ordinal);
        Assert.Contains(_box.Id[..12], refused.Problem, StringComparison.Ordinal);
        Assert.Equal("raise the limit", refused.Fix);
    }

    [Fact]
    public async Task Copy_in_extracts_a_tar_that_commands_in_the_container_then_read()
    {
        using var tar = await TarOfAsync("restored.txt", "khôi phục\n");

        await _box.Runtime.CopyToAsync(_box.Id, "/data", tar, _box.Token);

        var result = await _box.Runtime.ExecAsync(_box.Id, ["cat", "/data/restored.txt"], _box.Token);
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal("khôi phục\n", result.Stdout);
    }

    [Fact]
    public async Task Find_by_name_returns_the_container_by_its_exact_name_only()
    {
        var found = await _box.Runtime.FindByNameAsync(_box.Name, _box.Token);
        var prefixOnly = await _box.Runtime.FindByNameAsync(_box.Name[..^3], _box.Token);

        Assert.Equal(_box.Id, found?.Id);
        Assert.Null(prefixOnly);
    }

    private static async Task<Dictionary<string, string>> ReadFilesAsync(Stream tar)
    {
        var files = new Dictionary<string, string>();
        await using var reader = new TarReader(tar);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data)
            {
                using var text = new StreamReader(data, Encoding.UTF8);
                files[entry.Name] = await text.ReadToEndAsync();
            }
        }

        return files;
    }

    private static async Task<MemoryStream> TarOfAsync(string name, string content)
    {
        var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            };
            await writer.WriteEntryAsync(entry);
        }

        tar.Position = 0;
        return tar;
    }
}
