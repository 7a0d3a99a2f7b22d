using Drills.Reports.Files;

namespace Drills.Orchestrator.Tests.Reports;

public sealed class PrivateFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("drills-files-").FullName;

    [Fact]
    public void Temporary_names_cannot_be_guessed_from_the_target()
    {
        var target = Path.Combine(_folder, "baseline.json");

        var names = Enumerable.Range(0, 100).Select(_ => PrivateFiles.TemporaryPathFor(target)).ToHashSet();

        Assert.Equal(100, names.Count);
        Assert.All(names, name => Assert.Equal(_folder, Path.GetDirectoryName(name)));
    }

    [Fact]
    public void A_link_planted_at_a_new_files_path_fails_the_write_and_its_target_stays_as_it_was()
    {
        var outside = Path.Combine(_folder, "outside.txt");
        File.WriteAllText(outside, "untouched");
        var path = Path.Combine(_folder, "new.tar");
        File.CreateSymbolicLink(path, outside);

        Assert.Throws<IOException>(() => PrivateFiles.CreateNew(path).Dispose());

        Assert.Equal("untouched", File.ReadAllText(outside));
    }

    [Fact]
    public async Task A_replaced_file_replaces_a_link_at_its_path_and_leaves_the_links_target_as_it_was()
    {
        var outside = Path.Combine(_folder, "outside.txt");
        await File.WriteAllTextAsync(outside, "untouched");
        var path = Path.Combine(_folder, "report.html");
        File.CreateSymbolicLink(path, outside);

        await PrivateFiles.ReplaceAsync(path, "new"u8.ToArray(), CancellationToken.None);

        Assert.Equal("untouched", await File.ReadAllTextAsync(outside));
        Assert.Null(new FileInfo(path).LinkTarget);
        Assert.Equal("new", await File.ReadAllTextAsync(path));
        Assert.Equal(["outside.txt", "report.html"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
