using System.Text.Json;
using Drills.Reports.Index;
using Drills.Scenarios.RunRecords;
using static Drills.Orchestrator.Tests.Reports.Index.IndexFixtures;

namespace Drills.Orchestrator.Tests.Reports.Index;

public sealed class IndexOutputTests
{
    private static readonly DateTimeOffset LastMonth = Now.AddMonths(-1);

    private static CioIndex Sample(IndexFilter? filter = null) => Build(
        Catalogue(
        [
            Declared("portal", level: 3, agency: "Sở TT&TT", title: "Cổng dịch vụ công, \"portal\""),
            Declared("records", level: 4, agency: "Sở Tư pháp", title: "=HYPERLINK(\"http://evil\")"),
            Declared("mail", level: 3, agency: "Sở Tư pháp", title: "Mail server"),
            Declared("never", level: 2, agency: "Sở TT&TT", title: "@never"),
        ]),
        [
            Run("portal", RunOutcome.Passed, LastMonth, TimeSpan.FromMinutes(90), agency: "Sở TT&TT"),
            Run("records", RunOutcome.Failed, LastMonth, TimeSpan.FromHours(5), level: 4, agency: "Sở Tư pháp"),
            Run("mail", RunOutcome.Passed, LastMonth.AddDays(-3), TimeSpan.FromSeconds(2.5), agency: "Sở Tư pháp"),
            Run("mail", RunOutcome.Aborted, LastMonth, null, agency: "Sở Tư pháp"),
            // Stored by an older catalogue that allowed a line break in a title.
            Run("retired", RunOutcome.Passed, LastMonth, TimeSpan.FromSeconds(1), level: 1, agency: "Bộ Công an", title: "Old\r\nmail"),
        ],
        filter);

    [Fact]
    public void Json_and_csv_carry_the_same_rows_in_the_same_order()
    {
        var index = Sample();

        using var json = JsonDocument.Parse(IndexJson.Serialize(index));
        var csv = Csv.Parse(IndexCsv.Write(index));

        var systems = json.RootElement.GetProperty("systems").EnumerateArray().ToArray();
        Assert.Single(json.RootElement.EnumerateObject());
        Assert.Equal(IndexFields.Names, csv[0]);
        Assert.Equal(systems.Length, csv.Count - 1);
        Assert.Equal(index.Rows.Select(r => r.SystemId), systems.Select(s => s.GetProperty("system").GetString()));
        for (var i = 0; i < systems.Length; i++)
        {
            Assert.Equal(IndexFields.Names, systems[i].EnumerateObject().Select(p => p.Name));
            var fromJson = systems[i].EnumerateObject().Select(p => Text(p.Value));
            var fromCsv = csv[i + 1].Select(Unguarded);
            Assert.Equal(fromJson, fromCsv);
        }
    }

    [Fact]
    public void Json_and_csv_carry_the_last_measured_data_loss_against_rpo_target()
    {
        var index = Build(Catalogue([Declared("records")]),
        [
            Run("records", RunOutcome.Passed, LastMonth.AddDays(-1), TimeSpan.FromMinutes(3)) with { DataLoss = RecoveryRuns.Loss(RecoveryRuns.Markers(0, 0), rpoSeconds: 0.5) },
            // The latest drill measured nothing: the figures stay those of the one before.
            Run("records", RunOutcome.Passed, LastMonth, TimeSpan.FromMinutes(2)),
        ]);

        using var json = JsonDocument.Parse(IndexJson.Serialize(index));
        var csv = Csv.Parse(IndexCsv.Write(index));

        var row = json.RootElement.GetProperty("systems")[0];
        Assert.Equal(0.9, row.GetProperty("lastLossWindowSeconds").GetDouble());
        Assert.Equal(0.5, row.GetProperty("rpoTargetSeconds").GetDouble());
        Assert.False(row.GetProperty("metRpo").GetBoolean());
        Assert.Equal(["0.9", "0.5", "false"], csv[1].TakeLast(3));
    }

    [Fact]
    public void Json_gives_nulls_for_a_system_never_drilled()
    {
        using var json = JsonDocument.Parse(IndexJson.Serialize(Sample()));

        var never = json.RootElement.GetProperty("systems").EnumerateArray().Single(s => s.GetProperty("system").GetString() == "never");

        foreach (var field in (string[])["lastOutcome", "lastRecoverySeconds", "passRate", "lastRunId", "lastLossWindowSeconds", "rpoTargetSeconds", "metRpo"])
        {
            Assert.Equal(JsonValueKind.Null, never.GetProperty(field).ValueKind);
        }

        Assert.True(never.GetProperty("overdue").GetBoolean());
        Assert.Equal(0, never.GetProperty("runs").GetInt32());
        Assert.Equal(86400, never.GetProperty("targetSeconds").GetDouble());
    }

    [Fact]
    public void Csv_quotes_as_rfc_4180_and_never_starts_a_cell_with_a_formula_sign()
    {
        var text = IndexCsv.Write(Sample());
        var rows = Csv.Parse(text);

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var cells = rows.SelectMany(r => r).ToArray();
        Assert.Contains("'=HYPERLINK(\"http://evil\")", cells);
        Assert.Contains("'@never", cells);
        Assert.Contains("Cổng dịch vụ công, \"portal\"", cells);
        Assert.Contains("Old\r\nmail", cells);
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@');
        Assert.Equal("'-1", IndexCsv.Field("-1"));
        Assert.Equal("\"a,b\"", IndexCsv.Field("a,b"));
    }

    [Fact]
    public void Agency_filter_keeps_that_agencys_systems_whatever_the_case()
    {
        var index = Sample(new IndexFilter(Agency: "sở tư pháp"));

        Assert.Equal(["mail", "records"], Order(index).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Level_filter_keeps_that_levels_systems()
    {
        var index = Sample(new IndexFilter(Level: 3));

        Assert.Equal(["mail", "portal"], Order(index).Order(StringComparer.Ordinal));
        Assert.Equal(2, index.Rows.Count);
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };

    /// <summary>A cell as the value was before the apostrophe that keeps spreadsheets from running it.</summary>
    private static string Unguarded(string cell) => cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' ? cell[1..] : cell;
}
