using System.Text.Json;
using Drills.Scenarios.Loading;
using Drills.Scenarios.Steps;

namespace Drills.Orchestrator.Tests.Scenarios;

public sealed class TechniqueTableTests
{
    [Fact]
    public void Every_attack_step_kind_but_exec_has_its_row()
    {
        var attackKinds = StepKind.All.Where(k => k.Phases.HasFlag(StepPhases.Attack) && k.Name != "exec").Select(k => k.Name).ToList();

        Assert.All(attackKinds, kind => Assert.True(TechniqueTable.Table.StepKinds.ContainsKey(kind), $"{kind} is missing from attack-techniques.json"));
        Assert.All(TechniqueTable.Table.StepKinds.Values.SelectMany(ids => ids), id => Assert.NotNull(TechniqueTable.Table.Find(id)));
        Assert.Contains("exhaust", attackKinds);
        Assert.Contains("disconnect-network", attackKinds);
    }

    [Theory]
    [InlineData("exhaust", "T1499")]
    [InlineData("corrupt-config", "T1565.001")]
    [InlineData("delete-backups", "T1490")]
    public void New_attack_kinds_play_their_technique(string kind, string id) =>
        Assert.Equal([id], TechniqueTable.Table.PlayedBy([kind]));

    [Fact]
    public void A_network_cut_plays_no_technique_and_says_so() =>
        Assert.True(TechniqueTable.Table.CutsNetwork(["disconnect-network"]));

    [Fact]
    public void A_technique_the_table_holds_is_accepted()
    {
        var result = CatalogueLoader.LoadText(CatalogueText.With("    system: web", "    system: web\n    technique: T1489"), "t.yaml");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("T1489", result.Catalogue.Scenarios["web-kill"].Technique);
    }

    [Fact]
    public void An_unknown_technique_names_the_nearest_one_the_table_holds()
    {
        var result = CatalogueLoader.LoadText(CatalogueText.With("    system: web", "    system: web\n    technique: T1468"), "t.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Contains("did you mean T1486 (Data Encrypted for Impact)", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_technique_of_the_file_is_read_with_both_names() =>
        Assert.All(TechniqueTable.Table.Techniques, t => Assert.False(string.IsNullOrWhiteSpace(t.Id) || string.IsNullOrWhiteSpace(t.Vi) || string.IsNullOrWhiteSpace(t.En), t.Id));

    [Fact]
    public void Comments_and_fields_the_table_does_not_know_are_passed_over()
    {
        var table = TechniqueTable.Parse("""
            // a comment
            { "techniques": [{ "id": "T1489", "vi": "Dừng dịch vụ", "en": "Service Stop", "url": "ignored" }],
              "none": { "vi": "không", "en": "none" }, "stepKinds": { "kill": ["T1489"] }, "version": 2 }
            """);

        Assert.Equal("Service Stop", Assert.Single(table.Techniques).En);
        Assert.Equal("none", table.None.En);
        Assert.Equal(["T1489"], table.PlayedBy(["kill"]));
    }

    [Fact]
    public void A_table_without_its_step_kinds_is_refused() =>
        Assert.ThrowsAny<JsonException>(() => TechniqueTable.Parse("""{ "techniques": [], "none": { "vi": "không", "en": "none" } }"""));
}
