using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Regulation;

namespace Drills.Orchestrator.Tests.Scenarios;

/// <summary>Cadences, approval, owner, participants and objectives: the regulatory facts a catalogue states as data.</summary>
public sealed class LevelPolicyTests
{
    [Theory]
    [InlineData(3, 12, 6)]
    [InlineData(4, 12, 6)]
    [InlineData(5, 12, 3)]
    [InlineData(1, 12, 12)]
    public void Each_level_has_its_product_cadences(int level, int drillMonths, int restoreMonths)
    {
        var policy = LevelTargets.Product.PolicyFor(level);

        Assert.Equal(drillMonths, policy.DrillCadence.Months);
        Assert.Equal(restoreMonths, policy.RestoreTestCadence.Months);
    }

    [Fact]
    public void Levels_section_overrides_cadences_and_keeps_the_rest()
    {
        var result = CatalogueText.Load("levels:\n  3: { drill_cadence: 6mo }\n  4: { restore_test_cadence: quarterly, rto_target: 2h }\n" + CatalogueText.Minimal);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var three = result.Catalogue.Systems["web"].Level;
        Assert.Equal(new LevelPolicy(3, TimeSpan.FromHours(8), new Cadence(6), Cadence.HalfYearly), three);
        Assert.Equal(new LevelPolicy(4, TimeSpan.FromHours(2), Cadence.Yearly, Cadence.Quarterly), result.Catalogue.Levels.PolicyFor(4));
    }

    [Theory]
    [InlineData("{ drill_cadence: fortnightly }", "'drill_cadence' of level 3 'fortnightly' is not a cadence")]
    [InlineData("{ restore_test_cadence: 61mo }", "'restore_test_cadence' of level 3 '61mo' is not a cadence")]
    [InlineData("{ drill_cadence: 0mo }", "is not a cadence")]
    [InlineData("{}", "level 3 in levels overrides nothing")]
    public void Bad_cadences_are_located_errors(string written, string expected)
    {
        var result = CatalogueText.Load($"levels:\n  3: {written}\n" + CatalogueText.Minimal);

        var error = Assert.Single(result.Errors);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Location.Line);
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
    }

    [Fact]
    public void Approval_owner_participants_and_objectives_are_read()
    {
        var yaml = CatalogueText.With("    security_level: 3", """
                security_level: 3
                owner: Trung tâm CNTT
                approval: { decision: "1234/QĐ-UBND", date: 2026-09-15 }
            """.TrimEnd('\n'))
            .Replace("    system: web\n", "    system: web\n    participants: [\"Nguyễn Văn A\", \"Trần Thị B\"]\n    objectives: [Restore within 4h]\n", StringComparison.Ordinal);
        var result = CatalogueText.Load(yaml);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var web = result.Catalogue.Systems["web"];
        Assert.Equal(new ApprovalReference("1234/QĐ-UBND", new DateOnly(2026, 9, 15)), web.Approval);
        Assert.Equal("Trung tâm CNTT", web.Owner);
        Assert.Equal(["Nguyễn Văn A", "Trần Thị B"], result.Catalogue.Scenarios["web-kill"].Participants);
        Assert.Equal(["Restore within 4h"], result.Catalogue.Scenarios["web-kill"].Objectives);
    }

    [Theory]
    [InlineData("approval: { decision: \"1/QĐ\", date: 15/09/2026 }", "is not a date")]
    [InlineData("approval: { date: 2026-09-15 }", "decision")]
    [InlineData("approval: { decision: \"\" }", "is blank")]
    public void Bad_approval_is_a_located_error(string written, string expected)
    {
        var result = CatalogueText.Load(CatalogueText.With("    security_level: 3", "    security_level: 3\n    " + written));

        var error = Assert.Single(result.Errors);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(6, error.Location.Line);
    }

    [Fact]
    public void Cadence_is_due_a_calendar_span_later()
    {
        var last = new DateTimeOffset(2026, 1, 31, 2, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2027, 1, 31, 2, 0, 0, TimeSpan.Zero), Cadence.Yearly.DueAfter(last));
        Assert.Equal(new DateTimeOffset(2026, 4, 30, 2, 0, 0, TimeSpan.Zero), Cadence.Quarterly.DueAfter(last));
    }
}
