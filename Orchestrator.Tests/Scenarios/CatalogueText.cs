using Drills.Scenarios.Loading;

namespace Drills.Orchestrator.Tests.Scenarios;

/// <summary>A smallest valid catalogue that test cases break one line at a time, so line numbers stay easy to read.</summary>
internal static class CatalogueText
{
    public const string FileName = "test.yaml";

    // Line numbers: 1 version, 2 systems, 3 web, 4 title, 5 security_level, 6 container, 7 checks,
    // 8 scenarios, 9 web-kill, 10 title, 11 system, 12 attack, 13 restore.
    public const string Minimal = """
        version: 1
        systems:
          web:
            title: Web
            security_level: 3
            container: { image: "drills/web:1", name: drills-web, ports: ["127.0.0.1:18080:80"] }
            checks: [{ tcp: "127.0.0.1:18080" }]
        scenarios:
          web-kill:
            title: Kill
            system: web
            attack: [{ kill: {} }]
            restore: [{ start: {} }]

        """;

    public const string ChecksLine = "    checks: [{ tcp: \"127.0.0.1:18080\" }]";

    /// <summary>The minimal catalogue with 'data: { paths: [/srv/www] }' as line 8, so every later line moves down one
    /// (scenarios 9, web-kill 10, title 11, system 12, attack 13, restore 14).</summary>
    public static string MinimalWithData => With(ChecksLine, ChecksLine + "\n    data: { paths: [/srv/www] }");

    public static CatalogueLoadResult Load(string yaml) => CatalogueLoader.LoadText(yaml, FileName);

    /// <summary>The minimal catalogue with one piece of text swapped; fails loudly if the piece is not there.</summary>
    public static string With(string find, string replace) => Swap(Minimal, find, replace);

    /// <summary>The catalogue with data paths (<see cref="MinimalWithData"/>) with one piece of text swapped.</summary>
    public static string WithData(string find, string replace) => Swap(MinimalWithData, find, replace);

    /// <summary>One piece of text swapped; fails loudly if the piece is not there.</summary>
    public static string Swap(string yaml, string find, string replace)
    {
        Assert.Contains(find, yaml, StringComparison.Ordinal);
        return yaml.Replace(find, replace, StringComparison.Ordinal);
    }

    /// <summary>The catalogue does not load, and one of its errors contains the fragment at that line and column, with a fix.</summary>
    public static void AssertRefused(string name, string yaml, string fragment, int line, int column)
    {
        var result = Load(yaml);

        Assert.Null(result.Catalogue);
        var all = string.Join("\n", result.Errors);
        var error = result.Errors.FirstOrDefault(e => e.ToString().Contains(fragment, StringComparison.Ordinal));
        Assert.True(error is not null, $"{name}: no error contains \"{fragment}\"; got:\n{all}");
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
        Assert.False(string.IsNullOrWhiteSpace(error.Fix), $"{name}: the error has no fix");
    }
}
