using Drills.Orchestrator.App;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Tests.Integration;

namespace Drills.Orchestrator.Tests.Orchestrator.App;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CatalogueSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("drills-catalogue-").FullName;

    [Fact]
    public void A_catalogue_others_can_write_is_refused_at_its_first_line_when_drills_runs_as_root()
    {
        var file = Catalogue(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead);

        var refused = CatalogueSource.WritableByOthers(file, privileged: true);

        var error = Assert.Single(refused!.Errors);
        Assert.Equal((file, 1, 1), (error.Location.File, error.Location.Line, error.Location.Column));
        Assert.Equal($"make it writable by its owner only: chmod go-w {file}", error.Fix);
    }

    [Fact]
    public void A_catalogue_only_its_owner_can_write_is_read_as_root()
    {
        var file = Catalogue(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Assert.Null(CatalogueSource.WritableByOthers(file, privileged: true));
    }

    [Fact]
    public void A_user_who_is_not_root_may_read_a_shared_catalogue()
    {
        var file = Catalogue(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite);

        Assert.Null(CatalogueSource.WritableByOthers(file, privileged: false));
    }

    [Fact]
    public async Task Every_command_that_reads_a_catalogue_names_the_file_it_read()
    {
        var file = Catalogue(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = await CliProcess.RunAsync("validate", "--file", file, "--data-dir", Path.Combine(_folder, "data"));

        Assert.Equal(ExitCodes.Passed, result.ExitCode);
        Assert.Contains($"Catalogue: {file}", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Catalogue(UnixFileMode mode)
    {
        var file = Path.Combine(_folder, $"scenarios-{Guid.NewGuid():N}.yaml");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Scenarios", "FuzzCorpus", "sample.yaml"), file);
        File.SetUnixFileMode(file, mode);
        return file;
    }
}
