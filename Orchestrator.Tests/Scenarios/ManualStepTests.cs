using Drills.Scenarios.Steps;

namespace Drills.Orchestrator.Tests.Scenarios;

public sealed class ManualStepTests
{
    /// <summary>Case name, the restore step as written, a fragment of the message or fix, and the column it must point at (line 13).</summary>
    public static TheoryData<string, string, string, int> BadSteps => new()
    {
        { "no options", "manual: {}", "has no 'title'. Fix: add 'title: Restore DNS records by hand'", 25 },
        { "empty value", "manual:", "has no options. Fix: write '- manual: { title: Restore DNS records by hand, expected: 2h }'", 17 },
        { "bare title", "manual: Restore DNS", "must be a mapping with a title and an expected duration, not the value 'Restore DNS'", 25 },
        { "missing expected", "manual: { title: Call the vendor }", "has no 'expected'. Fix: add 'expected: 2h'", 25 },
        { "blank title", "manual: { title: \" \", expected: 2h }", "'title' of 'manual' (restore step 1 of scenario 'web-kill') is blank", 34 },
        { "expected not a duration", "manual: { title: Call the vendor, expected: two hours }", "is 'two hours', which is not a duration", 61 },
        { "expected zero", "manual: { title: Call the vendor, expected: 0s }", "is '0s', which is not a duration. Fix: write a positive duration", 61 },
        { "expected at the ceiling", "manual: { title: Call the vendor, expected: 24h }", "is 24h, not less than the 24h national ceiling", 61 },
        { "misspelt key", "manual: { titel: Call the vendor, expected: 2h }", "Unknown key 'titel' in 'manual' (restore step 1 of scenario 'web-kill'). Fix: did you mean 'title'?", 27 },
    };

    [Theory]
    [MemberData(nameof(BadSteps))]
    public void Bad_manual_step_is_reported_at_its_place_with_a_fix(string name, string step, string expected, int column)
    {
        var result = CatalogueText.Load(CatalogueText.With("start: {}", step));

        var error = result.Errors.FirstOrDefault(e => e.ToString().Contains(expected, StringComparison.Ordinal));
        Assert.True(error is not null, $"{name}: no error contains \"{expected}\"; got:\n{string.Join("\n", result.Errors)}");
        Assert.Equal((13, column), (error!.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Manual_step_in_restore_is_read_with_its_title_and_expected_duration()
    {
        var result = CatalogueText.Load(CatalogueText.With("start: {}", "manual: { title: Restore DNS records by hand, expected: 2h }"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var step = Assert.IsType<ManualStep>(Assert.Single(result.Catalogue.Scenarios["web-kill"].Restore));
        Assert.Equal("Restore DNS records by hand", step.Title);
        Assert.Equal(TimeSpan.FromHours(2), step.Expected);
    }

    [Fact]
    public void Manual_step_longer_than_max_duration_is_valid_because_a_simulated_run_does_not_wait_for_it()
    {
        var result = CatalogueText.Load(CatalogueText.With("start: {}", "manual: { title: Rebuild the server, expected: 20h }"));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Manual_step_in_attack_belongs_in_restore()
    {
        var result = CatalogueText.Load(CatalogueText.With("kill: {}", "manual: { title: Pull the plug, expected: 1m }"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("Step kind 'manual' belongs in restore, not attack", error.Message, StringComparison.Ordinal);
    }
}
