using System.Text;
using Drills.Orchestrator.Errors;

using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// Against the real engine, drills refuses what it did not create, before any step: an existing volume
/// without its label, a host folder under a volume name, and a labelled container that reaches the host.
/// Each test then inspects the volume or container to show nothing was touched.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class OwnershipRefusalTests : IAsyncLifetime
{
    private const string Wipe = "delete-files: { paths: [/srv/www] }";
    private readonly RealDrillHarness _h = new();
    private readonly string _id = Guid.NewGuid().ToString("N")[..10];
    private string Volume => $"drills-test-own-vol-{_id}";
    private string Container => $"drills-test-own-box-{_id}";

    [Fact]
    public async Task Existing_unlabelled_volume_is_refused_before_any_step_and_its_content_is_untouched()
    {
        await DockerCli.RunAsync("volume", "create", Volume);
        await SeedVolumeAsync();
        var labelsBefore = await DockerCli.RunAsync("volume", "inspect", "-f", "{{json .Labels}}", Volume);

        var exit = await DrillAsync(18301, $"volumes: [\"{Volume}:/srv/www\"]", "exists without the drills.target label");

        Assert.Equal(ExitCodes.Environment, exit);
        Assert.Equal("original", await DockerCli.ReadVolumeFileAsync(Volume, "marker"));
        Assert.Equal(labelsBefore, await DockerCli.RunAsync("volume", "inspect", "-f", "{{json .Labels}}", Volume));
        Assert.Null(await _h.Runtime.FindByNameAsync(Container, CancellationToken.None));
    }

    [Fact]
    public async Task Labelled_local_volume_that_binds_a_host_folder_is_refused_and_the_host_folder_is_untouched()
    {
        var hostFolder = Path.Combine(_h.Folder, "host-folder");
        Directory.CreateDirectory(hostFolder);
        await File.WriteAllTextAsync(Path.Combine(hostFolder, "marker"), "original");
        await DockerCli.RunAsync("volume", "create", "--driver", "local", "--opt", "type=none", "--opt", "o=bind",
            "--opt", $"device={hostFolder}", "--label", "drills.target=portal", "--label", "drills.managed=true", Volume);

        var exit = await DrillAsync(18302, $"volumes: [\"{Volume}:/srv/www\"]", "host folder under a volume name");

        Assert.Equal(ExitCodes.Environment, exit);
        Assert.Equal(["marker"], Directory.GetFileSystemEntries(hostFolder).Select(Path.GetFileName));
        Assert.Equal("original", await File.ReadAllTextAsync(Path.Combine(hostFolder, "marker")));
        Assert.Null(await _h.Runtime.FindByNameAsync(Container, CancellationToken.None));
    }

    [Fact]
    public async Task Volume_labelled_for_the_system_but_mounted_by_an_unlabelled_container_is_refused()
    {
        await DockerCli.RunAsync("volume", "create", "--label", "drills.target=portal", "--label", "drills.managed=true", Volume);
        await SeedVolumeAsync();
        var stranger = Container + "-stranger";
        await DockerCli.RunAsync("create", "--name", stranger, "-v", $"{Volume}:/data", "drills/busybox:1", "sleep", "3600");
        try
        {
            var exit = await DrillAsync(18303, $"volumes: [\"{Volume}:/srv/www\"]", $"container '{stranger}' mounts it");

            Assert.Equal(ExitCodes.Environment, exit);
            Assert.Equal("original", await DockerCli.ReadVolumeFileAsync(Volume, "marker"));
            Assert.Null(await _h.Runtime.FindByNameAsync(Container, CancellationToken.None));
        }
        finally
        {
            await DockerCli.RemoveAsync(container: stranger);
        }
    }

    [Fact]
    public async Task Declared_volume_that_does_not_exist_is_created_by_drills_labelled_for_the_system_and_the_drill_passes()
    {
        var yaml = Portal(Container, 18307, Scenario("kill-it", "kill: {}", RestoreSteps("start: {}"), verify: "[checks]"),
            $"volumes: [\"{Volume}:/srv/www\"]");
        _h.Load(yaml);
        var file = Path.Combine(_h.Folder, "scenarios.yaml");
        await File.WriteAllTextAsync(file, yaml, Encoding.UTF8);

        var run = await CliProcess.RunAsync("run", "kill-it", "--file", file, "--data-dir", _h.Folder);

        Assert.True(run.ExitCode == ExitCodes.Passed, run.Stderr);
        var labels = await DockerCli.RunAsync("volume", "inspect", "-f", "{{index .Labels \"drills.target\"}} {{index .Labels \"drills.managed\"}} {{json .Options}}", Volume);
        Assert.Equal("portal true null", labels);
    }

    public static TheoryData<string, int> HostReaching => new()
    {
        { "bind", 18304 },
        { "privileged", 18305 },
        { "socket", 18306 },
    };

    [Theory]
    [MemberData(nameof(HostReaching))]
    public async Task Labelled_container_that_reaches_the_host_is_refused_before_any_step_and_left_running_unchanged(string how, int port)
    {
        var hostFolder = Path.Combine(_h.Folder, "host-folder");
        Directory.CreateDirectory(hostFolder);
        await File.WriteAllTextAsync(Path.Combine(hostFolder, "index.html"), "original");
        string[] reach = how switch
        {
            "bind" => ["-v", $"{hostFolder}:/srv/www"],
            "privileged" => ["--privileged"],
            _ => ["-v", "/var/run/docker.sock:/var/run/docker.sock:ro"],
        };
        var id = await DockerCli.RunAsync([
            "create", "--name", Container, "--label", "drills.target=portal", "--label", "drills.managed=true", .. reach,
            "drills/busybox:1", "sh", "-c", "echo original > /marker && exec sleep 3600"]);
        // This engine may not grant a privileged container its capabilities (nested in a sandbox): that one
        // stays created, which a drill would otherwise start; the others run, which a drill would kill.
        var running = how != "privileged";
        if (running)
        {
            await DockerCli.RunAsync("start", Container);
        }

        var stateBefore = await DockerCli.RunAsync("inspect", "-f", "{{.State.Status}} {{.State.StartedAt}} {{.RestartCount}}", Container);

        var reason = how switch
        {
            "bind" => "a host folder mounted",
            "privileged" => "privileged mode",
            _ => "the Docker socket mounted",
        };
        var exit = await DrillAsync(port, "", reason, attack: "kill: {}");

        Assert.Equal(ExitCodes.Environment, exit);
        var after = await _h.Runtime.FindByNameAsync(Container, CancellationToken.None);
        Assert.Equal(id, after!.Id);
        Assert.Equal(running ? Docker.ContainerStatus.Running : Docker.ContainerStatus.Created, after.Status);
        Assert.Equal(stateBefore, await DockerCli.RunAsync("inspect", "-f", "{{.State.Status}} {{.State.StartedAt}} {{.RestartCount}}", Container));
        if (running)
        {
            Assert.Equal("original", (await _h.ExecAsync(Container, "cat", "/marker")).Stdout.Trim());
        }

        Assert.Equal("original", await File.ReadAllTextAsync(Path.Combine(hostFolder, "index.html")));
    }

    private async Task SeedVolumeAsync() =>
        await DockerCli.RunAsync("run", "--rm", "--name", $"drills-test-own-seed-{_id}", "-v", $"{Volume}:/data",
            "drills/busybox:1", "sh", "-c", "echo original > /data/marker");

    /// <summary>Runs the drill as a user would, in its own process; asserts it was refused for <paramref name="reason"/>.</summary>
    private async Task<int> DrillAsync(int port, string extraContainer, string reason, string attack = Wipe)
    {
        var yaml = Portal(Container, port, Scenario("wipe-it", attack, RestoreSteps("restore-backup: baseline")), extraContainer);
        _h.Load(yaml);
        var file = Path.Combine(_h.Folder, "scenarios.yaml");
        await File.WriteAllTextAsync(file, yaml, Encoding.UTF8);
        var run = await CliProcess.RunAsync("run", "wipe-it", "--file", file, "--data-dir", _h.Folder);
        // The terminal wraps long lines: compare with every run of white space as one space.
        Assert.True(System.Text.RegularExpressions.Regex.Replace(run.Stderr, @"\s+", " ").Contains(reason, StringComparison.Ordinal), run.Stderr);
        Assert.DoesNotContain("--label", run.Stderr, StringComparison.Ordinal);
        return run.ExitCode;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await DockerCli.RemoveAsync(container: Container);
        await _h.DisposeAsync();
        await DockerCli.RemoveAsync(volume: Volume);
    }
}
