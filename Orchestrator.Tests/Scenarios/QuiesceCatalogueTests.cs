namespace Drills.Orchestrator.Tests.Scenarios;

public sealed class QuiesceCatalogueTests
{
    private const string DataLine = "    data: { paths: [/srv/www] }";

    /// <summary>The catalogue with data paths and this quiesce mapping as line 9 (scenarios 10, web-kill 11, title 12, system 13).</summary>
    private static string WithQuiesce(string quiesce) => CatalogueText.WithData(DataLine, DataLine + "\n    quiesce: " + quiesce);

    /// <summary>Case name, file text, a fragment of the message or fix, and where the error must point.</summary>
    public static TheoryData<string, string, string, int, int> BadFiles => new()
    {
        { "before without after", WithQuiesce("{ before: [stop] }"), "has no 'after': quiesce needs both commands, 'before' alone would leave the system stopped after every baseline. Fix: add 'after: [", 9, 14 },
        { "after without before", WithQuiesce("{ after: [start] }"), "has no 'before'", 9, 14 },
        { "after written empty", WithQuiesce("{ before: [stop], after: }"), "has no 'after'", 9, 32 },
        { "empty before", WithQuiesce("{ before: [], after: [start] }"), "'before' of 'quiesce' of system 'web' is an empty list", 9, 24 },
        { "command as a string", WithQuiesce("{ before: \"pg_ctl stop\", after: [start] }"), "'before' of 'quiesce' of system 'web' must be", 9, 24 },
        { "misspelt key", WithQuiesce("{ befor: [stop], after: [start] }"), "Unknown key 'befor' in 'quiesce' of system 'web'. Fix: did you mean 'before'?", 9, 16 },
        { "not a mapping", WithQuiesce("[stop, start]"), "'quiesce' of system 'web' must be a mapping", 9, 14 },
        { "timeout not a duration", WithQuiesce("{ before: [stop], after: [start], timeout: soon }"), "'timeout' of 'quiesce' of system 'web' is 'soon', which is not a duration", 9, 57 },
        { "timeout above 7d", WithQuiesce("{ before: [stop], after: [start], timeout: 8d }"), "is 8d, longer than the 7d limit", 9, 57 },
        { "no data paths", CatalogueText.With(CatalogueText.ChecksLine, CatalogueText.ChecksLine + "\n    quiesce: { before: [stop], after: [start] }"),
            "the system declares no data paths, so no snapshot is taken", 8, 14 },
        { "timeout above the scenario's max_duration", WithQuiesce("{ before: [stop], after: [start], timeout: 10m }").Replace("    system: web", "    system: web\n    max_duration: 5m", StringComparison.Ordinal),
            "'quiesce.timeout' of system 'web' is 10m, longer than max_duration 5m of scenario 'web-kill'", 14, 19 },
        { "timeout above the defaults' max_duration", WithQuiesce("{ before: [stop], after: [start], timeout: 3h }"),
            "longer than max_duration 2h of defaults: the drill would abort before a slow quiesce command ends. Fix: shorten 'quiesce.timeout' of system 'web' to 2h or less", 13, 13 },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_quiesce_is_reported_at_its_place_with_a_fix(string name, string yaml, string fragment, int line, int column) =>
        CatalogueText.AssertRefused(name, yaml, fragment, line, column);

    [Fact]
    public void Quiesce_is_read_with_both_commands_and_its_timeout()
    {
        var result = CatalogueText.Load(WithQuiesce("{ before: [sh, -c, \"pg_ctl stop\"], after: [pg_ctl, start], timeout: 90s }"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var quiesce = result.Catalogue.Systems["web"].Quiesce!;
        Assert.Equal(["sh", "-c", "pg_ctl stop"], quiesce.Before);
        Assert.Equal(["pg_ctl", "start"], quiesce.After);
        Assert.Equal(TimeSpan.FromSeconds(90), quiesce.Timeout);
        Assert.Equal((9, 14), (quiesce.Location.Line, quiesce.Location.Column));
    }

    [Fact]
    public void Quiesce_timeout_defaults_to_60_seconds()
    {
        var result = CatalogueText.Load(WithQuiesce("{ before: [stop], after: [start] }"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(TimeSpan.FromSeconds(60), result.Catalogue.Systems["web"].Quiesce!.Timeout);
    }

    [Fact]
    public void A_system_without_quiesce_has_none()
    {
        var result = CatalogueText.Load(CatalogueText.MinimalWithData);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Null(result.Catalogue.Systems["web"].Quiesce);
    }

    [Fact]
    public void A_timeout_equal_to_max_duration_fits()
    {
        var result = CatalogueText.Load(WithQuiesce("{ before: [stop], after: [start], timeout: 2h }"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }
}
