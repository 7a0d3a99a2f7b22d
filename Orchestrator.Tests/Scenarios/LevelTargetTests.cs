using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Tests.Scenarios;

public sealed class LevelTargetTests
{
    [Theory]
    [InlineData(1, 24)]
    [InlineData(2, 24)]
    [InlineData(3, 8)]
    [InlineData(4, 4)]
    [InlineData(5, 1)]
    public void System_without_a_target_takes_its_level_default(int level, int hours)
    {
        var result = CatalogueText.Load(CatalogueText.With("security_level: 3", $"security_level: {level}"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var web = result.Catalogue.Systems["web"];
        Assert.Equal(TimeSpan.FromHours(hours), web.RtoTarget);
        Assert.False(web.RtoTargetDeclared);
    }

    [Fact]
    public void Levels_section_overrides_only_the_levels_it_names()
    {
        var result = CatalogueText.Load("levels:\n  3: { rto_target: 6h }\n  5: { rto_target: 30m }\n" + CatalogueText.Minimal);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(TimeSpan.FromHours(6), result.Catalogue.Systems["web"].RtoTarget);
        Assert.Equal(TimeSpan.FromMinutes(30), result.Catalogue.Levels.For(5));
        Assert.Equal(TimeSpan.FromHours(4), result.Catalogue.Levels.For(4));
        Assert.Equal(TimeSpan.FromHours(8), LevelTargets.Product.For(3));
    }

    [Fact]
    public void Declared_target_wins_over_the_level_default()
    {
        var result = CatalogueText.Load(CatalogueText.With("    security_level: 3", "    security_level: 3\n    rto_target: 2h"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(TimeSpan.FromHours(2), result.Catalogue.Systems["web"].RtoTarget);
        Assert.True(result.Catalogue.Systems["web"].RtoTargetDeclared);
    }

    [Fact]
    public void Missing_defaults_take_the_product_values()
    {
        var result = CatalogueText.Load(CatalogueText.Minimal);

        Assert.Equal(CatalogueDefaults.Product, result.Catalogue!.Defaults);
        Assert.Equal(TimeSpan.FromHours(2), result.Catalogue.Scenarios["web-kill"].MaxDuration);
    }
}
