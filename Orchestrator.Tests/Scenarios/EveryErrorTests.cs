namespace Drills.Orchestrator.Tests.Scenarios;

/// <summary>One pass reports every error: an error in one part of the file must not hide the errors of the parts that depend on it.</summary>
public sealed class EveryErrorTests
{
    private const string PathError = "'/srv' is outside the data paths of system 'web' (/srv/www)";

    // The scenario deletes /srv while the system's data path is /srv/www: an error of the scenario's own.
    private static string WithPathError(string find, string replace) =>
        CatalogueText.Swap(CatalogueText.WithData("kill: {}", "delete-files: { paths: [/srv] }"), find, replace);

    [Theory]
    [InlineData("    security_level: 3", "    security_level: 3\n    rto_target: 30h", "is 30h, above the national ceiling of 24h")]
    [InlineData("    security_level: 3", "    security_level: 3\n    rpo_target: 4 hours", "is '4 hours', which is not a duration")]
    [InlineData("security_level: 3", "security_level: 9", "it must be a whole number in 1..5")]
    [InlineData("    title: Web\n", "", "system 'web' has no 'title'")]
    [InlineData("name: drills-web", "name: -web", "is not a valid Docker container name")]
    public void Scenario_errors_are_reported_when_its_system_has_unrelated_errors(string find, string replace, string systemError)
    {
        var result = CatalogueText.Load(WithPathError(find, replace));

        Assert.Null(result.Catalogue);
        var all = string.Join("\n", result.Errors);
        Assert.True(result.Errors.Count == 2, $"expected the system's error and the scenario's; got:\n{all}");
        Assert.Contains(result.Errors, e => e.Message.Contains(systemError, StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains(PathError, StringComparison.Ordinal));
    }

    [Fact]
    public void Rto_above_the_ceiling_and_a_path_outside_the_data_paths_are_both_reported()
    {
        var result = CatalogueText.Load(WithPathError("    security_level: 3", "    security_level: 3\n    rto_target: 30h"));

        Assert.Collection(result.Errors,
            e => Assert.Equal("'rto_target' of system 'web' is 30h, above the national ceiling of 24h.", e.Message),
            e => Assert.Contains(PathError, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Scenario_verify_is_checked_when_its_system_has_unrelated_errors()
    {
        var yaml = CatalogueText.With("security_level: 3", "security_level: 9") + "    verify: [integrity, chekcs]\n";

        var result = CatalogueText.Load(yaml);

        Assert.Contains(result.Errors, e => e.Message.Contains("Verify item 'integrity' needs data paths", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Fix.Contains("did you mean 'checks'?", StringComparison.Ordinal));
    }

    [Fact]
    public void Scenario_paths_are_not_checked_against_data_paths_that_could_not_be_read()
    {
        var yaml = CatalogueText.Swap(CatalogueText.WithData("kill: {}", "delete-files: { paths: [/srv/www] }"), "[/srv/www] }\n", "[srv/www] }\n");

        var error = Assert.Single(CatalogueText.Load(yaml).Errors);

        Assert.Contains("'srv/www' is a relative path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_defaults_max_duration_leaves_scenario_errors_reported_and_waits_unmeasured()
    {
        var yaml = WithPathError("version: 1\n", "version: 1\ndefaults: { max_duration: 8d }\n").Replace("start: {}", "wait: 3h", StringComparison.Ordinal);

        var result = CatalogueText.Load(yaml);

        var all = string.Join("\n", result.Errors);
        Assert.True(result.Errors.Count == 2, $"expected the max_duration error and the path error, and no wait measured against a stand-in; got:\n{all}");
        Assert.Contains(result.Errors, e => e.Message.Contains("'max_duration' of defaults is 8d, longer than the 7d limit", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains(PathError, StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_scenario_max_duration_leaves_its_other_errors_reported()
    {
        var yaml = WithPathError("    system: web", "    system: web\n    max_duration: 2 hours");

        var result = CatalogueText.Load(yaml);

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Message.Contains("is '2 hours', which is not a duration", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains(PathError, StringComparison.Ordinal));
    }
}
