using System.Formats.Tar;
using System.Text;
using Drills.Orchestrator.Integrity;

namespace Drills.Orchestrator.Tests.Orchestrator.Integrity;

public sealed class DataManifestTests
{
    [Fact]
    public void Manifest_keys_files_by_their_path_inside_the_container()
    {
        var manifest = DataManifest.FromTar("/srv/www", Tar(("www/index.html", "home"), ("www/data/a.json", "[]")));

        Assert.Equal(["/srv/www/data/a.json", "/srv/www/index.html"], manifest.Files.Keys.Order());
    }

    [Fact]
    public void Identical_content_matches_the_baseline()
    {
        var baseline = DataManifest.FromTar("/srv/www", Tar(("www/index.html", "home")));
        var now = DataManifest.FromTar("/srv/www", Tar(("www/index.html", "home")));

        Assert.True(now.CompareTo(baseline).Matches);
    }

    [Fact]
    public void Changed_added_and_missing_files_are_each_named()
    {
        var baseline = DataManifest.FromTar("/srv/www", Tar(("www/index.html", "home"), ("www/a.css", "x")));
        var now = DataManifest.FromTar("/srv/www", Tar(("www/index.html", "HACKED"), ("www/a.css.locked", "?")));

        var comparison = now.CompareTo(baseline);

        Assert.False(comparison.Matches);
        Assert.Equal(["/srv/www/index.html"], comparison.Changed);
        Assert.Equal(["/srv/www/a.css.locked"], comparison.Added);
        Assert.Equal(["/srv/www/a.css"], comparison.Missing);
        Assert.Contains("1 changed, 1 added, 1 missing of 2", comparison.Describe(), StringComparison.Ordinal);
    }

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
