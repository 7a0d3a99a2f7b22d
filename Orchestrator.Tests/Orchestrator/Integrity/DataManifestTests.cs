using System.Formats.Tar;
using System.Text;
using Drills.Orchestrator.Integrity;
using Drills.Orchestrator.Tests.Support;

namespace Drills.Orchestrator.Tests.Orchestrator.Integrity;

public sealed class DataManifestTests
{
    [Fact]
    public async Task Manifest_keys_files_by_their_path_inside_the_container()
    {
        var manifest = await ReadAsync("/srv/www", Tar(("www/index.html", "home"), ("www/data/a.json", "[]")));

        Assert.Equal(["/srv/www/data/a.json", "/srv/www/index.html"], manifest.Files.Keys.Order());
    }

    [Fact]
    public async Task Identical_content_matches_the_baseline()
    {
        var baseline = await ReadAsync("/srv/www", Tar(("www/index.html", "home")));
        var now = await ReadAsync("/srv/www", Tar(("www/index.html", "home")));

        Assert.True(now.CompareTo(baseline).Matches);
    }

    [Fact]
    public async Task Changed_added_and_missing_files_are_each_named()
    {
        var baseline = await ReadAsync("/srv/www", Tar(("www/index.html", "home"), ("www/a.css", "x")));
        var now = await ReadAsync("/srv/www", Tar(("www/index.html", "HACKED"), ("www/a.css.locked", "?")));

        var comparison = now.CompareTo(baseline);

        Assert.False(comparison.Matches);
        Assert.Equal(["/srv/www/index.html"], comparison.Changed);
        Assert.Equal(["/srv/www/a.css.locked"], comparison.Added);
        Assert.Equal(["/srv/www/a.css"], comparison.Missing);
        Assert.Contains("1 changed, 1 added, 1 missing of 2", comparison.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folders_links_modes_and_owners_are_part_of_the_manifest()
    {
        var manifest = await ReadAsync("/srv/www", Tars.Of(
            Tars.Folder("www", uid: 33, gid: 33), Tars.File("www/index.html", "home", Tars.FileMode, 33, 33), Tars.Link("www/latest", "index.html")));

        Assert.StartsWith("dir 0755 33:33", manifest.Files["/srv/www"], StringComparison.Ordinal);
        Assert.StartsWith("file 0644 33:33 ", manifest.Files["/srv/www/index.html"], StringComparison.Ordinal);
        Assert.Equal("symlink - 0:0 index.html", manifest.Files["/srv/www/latest"]);
    }

    [Fact]
    public async Task A_lost_folder_is_named_missing()
    {
        var baseline = await ReadAsync("/srv/www", Tars.Of(Tars.Folder("www"), Tars.Folder("www/uploads"), Tars.File("www/index.html", "home")));
        var now = await ReadAsync("/srv/www", Tars.Of(Tars.Folder("www"), Tars.File("www/index.html", "home")));

        var comparison = now.CompareTo(baseline);

        Assert.Equal(["/srv/www/uploads"], comparison.Missing);
        Assert.Contains("missing: /srv/www/uploads", comparison.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_symlink_is_named_missing_and_a_retargeted_one_changed_with_both_targets()
    {
        var baseline = await ReadAsync("/srv/www", Tars.Of(Tars.Link("www/latest", "v2"), Tars.Link("www/old", "v1")));
        var now = await ReadAsync("/srv/www", Tars.Of(Tars.Link("www/latest", "v1")));

        var comparison = now.CompareTo(baseline);

        Assert.Equal(["/srv/www/old"], comparison.Missing);
        Assert.Contains("/srv/www/latest (target v2 → v1)", comparison.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symlink_replaced_by_a_file_of_its_target_content_is_a_change_of_kind()
    {
        var baseline = await ReadAsync("/srv/www", Tars.Of(Tars.Link("www/latest", "index.html")));
        var now = await ReadAsync("/srv/www", Tars.Of(Tars.File("www/latest", "home")));

        Assert.Contains("/srv/www/latest (symlink → file)", now.CompareTo(baseline).Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_the_same_bytes_but_another_mode_is_changed_naming_the_mode()
    {
        var baseline = await ReadAsync("/srv/www", Tars.Of(Tars.File("www/index.html", "home")));
        var now = await ReadAsync("/srv/www", Tars.Of(Tars.File("www/index.html", "home", UnixFileMode.UserRead | UnixFileMode.UserWrite)));

        var comparison = now.CompareTo(baseline);

        Assert.Equal(["/srv/www/index.html"], comparison.Changed);
        Assert.Contains("/srv/www/index.html (mode 0644 → 0600)", comparison.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_or_folder_with_another_owner_is_changed_naming_the_owners()
    {
        var baseline = await ReadAsync("/srv/www", Tars.Of(Tars.Folder("www", uid: 33, gid: 33), Tars.File("www/index.html", "home", Tars.FileMode, 33, 33)));
        var now = await ReadAsync("/srv/www", Tars.Of(Tars.Folder("www"), Tars.File("www/index.html", "home")));

        var described = now.CompareTo(baseline).Describe();

        Assert.Contains("/srv/www (owner 33:33 → 0:0)", described, StringComparison.Ordinal);
        Assert.Contains("/srv/www/index.html (owner 33:33 → 0:0)", described, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folders_mode_change_is_named()
    {
        var baseline = await ReadAsync("/srv/www", Tars.Of(Tars.Folder("www")));
        var now = await ReadAsync("/srv/www", Tars.Of(Tars.Folder("www", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)));

        Assert.Contains("/srv/www (mode 0755 → 0700)", now.CompareTo(baseline).Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_stored_before_modes_were_recorded_still_names_content_changes()
    {
        var now = await ReadAsync("/srv/www", Tars.Of(Tars.File("www/index.html", "HACKED")));
        var older = new DataManifest(new Dictionary<string, string> { ["/srv/www/index.html"] = new string('0', 64) });

        Assert.Equal(["/srv/www/index.html"], now.CompareTo(older).Changed);
    }

    private static Task<DataManifest> ReadAsync(string dataPath, Stream tar) => DataManifest.FromTarAsync(dataPath, tar, CancellationToken.None);

    private static MemoryStream Tar(params (string Name, string Content)[] files)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
            }
        }

        stream.Position = 0;
        return stream;
    }
}
