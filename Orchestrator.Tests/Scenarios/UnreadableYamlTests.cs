using System.Diagnostics;
using Drills.Scenarios.Loading;

namespace Drills.Orchestrator.Tests.Scenarios;

/// <summary>YAML that once crashed or stalled the loader (found by fuzzing): each is now one located error with a fix.</summary>
public sealed class UnreadableYamlTests
{
    private const string M = CatalogueText.Minimal;

    /// <summary>Case name, file text, a fragment of the message or fix, and where the error must point.</summary>
    public static TheoryData<string, string, string, int, int> UnreadableFiles => new()
    {
        { "63 KB of '['", new string('[', 63 * 1024), "nests more than 32 mappings and lists deep", 1, 33 },
        { "deep block nesting", Nested(40), "nests more than 32", 33, 65 },
        { "alias as a key before its anchor", "*a : x\nb: &a y\n", "The alias '*a' is used as a mapping key", 1, 1 },
        { "alias as a key after its anchor", "b: &a y\n*a : x\n", "The alias '*a' is used as a mapping key", 2, 1 },
        { "alias as a step key", CatalogueText.With("kill: {}", "*k : {}").Replace("version: 1", "version: 1\nk: &k kill", StringComparison.Ordinal), "used as a mapping key", 13, 16 },
        { "self-referencing key", "&a [*a]: x\n", "A key here is a list; keys must be plain names", 1, 1 },
        { "self-referencing complex key", "? &a { *a : x }\n", "A key here is a mapping", 1, 3 },
        { "self-referencing value", "x: &a [*a]\n", "inside the node it names", 1, 8 },
        { "alias to no anchor", CatalogueText.With("version: 1", "version: *v"), "The alias '*v' names no anchor defined before it. Fix: define '&v'", 1, 10 },
        { "escape past the last code point", CatalogueText.With("title: Web", "title: \"\\UFFFFFFFF\""), "YAML syntax error", 4, 23 },
        { "TAG directive with an empty prefix", "%TAG ! \n---\n" + M, "YAML syntax error: Tag prefix must not be empty", 1, 8 },
        { "empty verbatim tag", CatalogueText.With("title: Web", "title: !<> Web"), "YAML syntax error", 4, 15 },
        { "verbatim tag that is not a URI", CatalogueText.With("title: Web", "title: !<a b> Web"), "YAML syntax error", 4, 12 },
        { "key with no value", " : x\n", "This key has no value", 1, 3 },
        { "value longer than the limit", CatalogueText.With("title: Web", $"title: {new string('w', CatalogueLimits.MaxTextLength + 1)}"), "A value of 65537 characters starts here", 4, 12 },
    };

    [Theory]
    [MemberData(nameof(UnreadableFiles))]
    public void Unreadable_file_is_one_located_error_with_a_fix(string name, string yaml, string fragment, int line, int column)
    {
        CatalogueText.AssertRefused(name, yaml, fragment, line, column);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(12)]
    public void Alias_bomb_is_refused_fast_with_a_short_message(int levels)
    {
        var stopwatch = Stopwatch.StartNew();

        var result = CatalogueText.Load(Bomb(levels) + "title: *l" + levels + "\n");

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
        var error = Assert.Single(result.Errors);
        Assert.Contains("With its aliases expanded, the file holds more than 500000 values", error.Message, StringComparison.Ordinal);
        Assert.True(error.ToString().Length < 400, error.ToString());
    }

    [Fact]
    public void Aliases_below_the_expansion_limit_still_load()
    {
        var yaml = CatalogueText.Swap(CatalogueText.With("    title: Web", "    title: &t Web"), "    title: Kill", "    title: *t");

        var result = CatalogueText.Load(yaml);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Long_unknown_key_is_quoted_short_in_its_error()
    {
        var key = new string('k', 1000);

        var error = Assert.Single(CatalogueText.Load(M + key + ": 1\n").Errors);

        Assert.Contains($"Unknown key '{new string('k', 80)}…' in the catalogue.", error.Message, StringComparison.Ordinal);
        Assert.True(error.ToString().Length < 400, $"{error.ToString().Length} characters");
    }

    [Fact]
    public void Control_characters_in_a_value_are_shown_as_escapes()
    {
        var error = Assert.Single(CatalogueText.Load(CatalogueText.With("security_level: 3", "security_level: \"3\\e[2J\"")).Errors);

        Assert.Contains("'3\\u001B[2J'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_larger_than_the_file_limit_is_refused_before_parsing()
    {
        var yaml = M + "# " + new string('x', CatalogueLimits.MaxFileBytes) + "\n";

        var error = Assert.Single(CatalogueText.Load(yaml).Errors);

        Assert.Equal("Catalogue file 'test.yaml' is larger than 4 MiB, the most drills reads.", error.Message);
    }

    [Fact]
    public void File_of_50_MB_is_refused_without_reading_it_whole()
    {
        var path = Path.Combine(Path.GetTempPath(), $"drills-huge-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var file = File.Create(path))
            {
                file.SetLength(50L * 1024 * 1024);
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = CatalogueLoader.LoadFile(path);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            var error = Assert.Single(result.Errors);
            Assert.Contains("is larger than 4 MiB", error.Message, StringComparison.Ordinal);
            Assert.True(allocated < 4L * CatalogueLimits.MaxFileBytes, $"allocated {allocated} bytes");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Mapping keys nested <paramref name="depth"/> deep by indentation, two spaces a level.</summary>
    private static string Nested(int depth) =>
        string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', 2 * i) + "a:\n"));

    /// <summary>The billion laughs: each anchor a list of nine aliases of the one before it.</summary>
    private static string Bomb(int levels)
    {
        var lines = new List<string> { "l0: &l0 [x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i <= levels; i++)
        {
            lines.Add($"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 9))}]");
        }

        return string.Join("\n", lines) + "\n";
    }
}
