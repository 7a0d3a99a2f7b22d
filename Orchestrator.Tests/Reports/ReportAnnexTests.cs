using Drills.Reports.AfterAction;
using Drills.Scenarios.Regulation;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Steps;

namespace Drills.Orchestrator.Tests.Reports;

/// <summary>The evidence annex (draft or final), the regulatory context drawn from data, the technique table and the improvement plan's states.</summary>
public sealed class ReportAnnexTests
{
    private static readonly EvidenceFacts Signed = new(
        "9a0f1c2e3d4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff", 42, "CN=drills evidence signer, O=So TT&TT",
        "AB:CD:EF:01", SelfSigned: true, TimestampUtc: SampleRuns.Start.AddMinutes(10));

    private readonly AfterActionReport _report = new();

    [Fact]
    public void Unsigned_run_is_a_draft_and_says_how_to_sign_it()
    {
        var html = Render(OutcomeRuns.Passed(), ReportLanguage.En);

        Assert.Contains("id=\"report-status\" class=\"draft\">DRAFT<", html, StringComparison.Ordinal);
        Assert.Contains("Unsigned draft", html, StringComparison.Ordinal);
        Assert.Contains("<code>drills export 20261122-190000-r1</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"chain-head\"", html, StringComparison.Ordinal);
        Assert.Contains("was not changed after it was captured", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Signed_run_is_final_and_shows_the_chain_head_signer_and_how_to_verify_offline()
    {
        var html = Render(OutcomeRuns.Passed(), ReportLanguage.Both, Signed);

        Assert.Contains("id=\"report-status\" class=\"final\">BẢN CHÍNH THỨC / FINAL<", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"chain-head\">{Signed.ChainHead}<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"journal-events\">42<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"signer-subject\">CN=drills evidence signer, O=So TT&amp;TT<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"signer-fingerprint\">AB:CD:EF:01<", html, StringComparison.Ordinal);
        Assert.Contains("self-signed certificate", html, StringComparison.Ordinal);
        Assert.Contains("UTC 2026-11-22T19:10:00.000Z", html, StringComparison.Ordinal);
        Assert.Contains("<code>drills verify drills-evidence-20261122-190000-r1.zip</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>openssl cms -verify -binary -inform DER -in manifest.p7s -content manifest.json -CAfile signer.pem -purpose any</code>", html, StringComparison.Ordinal);
        Assert.Contains(OutcomeRuns.Passed().CatalogueSha256, html, StringComparison.Ordinal);
        Assert.Contains(OutcomeRuns.Passed().ImageDigest!, html, StringComparison.Ordinal);
        Assert.DoesNotContain("drills export", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Agency_certificate_is_named_as_such()
    {
        var html = Render(OutcomeRuns.Passed(), ReportLanguage.En, Signed with { SelfSigned = false, TimestampUtc = null });

        Assert.Contains("The agency&#39;s own certificate", html, StringComparison.Ordinal);
        Assert.Contains("If any (--tsa), it is held in manifest.p7s", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Regulatory_context_shows_what_the_level_asked_the_ceiling_with_its_source_the_regimes_and_the_approval()
    {
        var run = OutcomeRuns.Passed() with
        {
            Level = new LevelPolicy(3, TimeSpan.FromHours(6), Cadence.Yearly, Cadence.Quarterly),
            Approval = new ApprovalReference("QĐ 123/QĐ-STTTT", new DateOnly(2026, 9, 15)),
        };

        var html = Render(run, ReportLanguage.Both);

        Assert.Contains("id=\"level-target\">6 h", html, StringComparison.Ordinal);
        Assert.Contains("id=\"restore-test-cadence\">" + SampleRuns.Both("Hằng quý (3 tháng)", "Quarterly (3 months)"), html, StringComparison.Ordinal);
        Assert.Contains("As configured for the level when drilled", html, StringComparison.Ordinal);
        Assert.Contains("id=\"ceiling\" class=\"value\">24 h<", html, StringComparison.Ordinal);
        Assert.Contains("The Prime Minister&#39;s directive at the government conference on digital transformation of 19 July 2024", html, StringComparison.Ordinal);
        Assert.Contains("Luật An ninh mạng số 116/2025/QH15", html, StringComparison.Ordinal);
        Assert.Contains("Decree No. 331/2026/NĐ-CP", html, StringComparison.Ordinal);
        Assert.Contains("Điều 29.2.e", html, StringComparison.Ordinal);
        Assert.Contains("Art. 31.3", html, StringComparison.Ordinal);
        Assert.Contains("Circular No. 12/2022/TT-BTTTT", html, StringComparison.Ordinal);
        Assert.Contains("id=\"approval\">QĐ 123/QĐ-STTTT (", html, StringComparison.Ordinal);
        Assert.Contains("15/09/2026", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Older_run_without_its_level_policy_falls_back_to_the_product_defaults_and_says_so()
    {
        var html = Render(OutcomeRuns.Passed() with { SecurityLevel = 5, Level = null }, ReportLanguage.En);

        Assert.Contains("id=\"level-target\">1 h", html, StringComparison.Ordinal);
        Assert.Contains("id=\"restore-test-cadence\">Quarterly (3 months)<", html, StringComparison.Ordinal);
        Assert.Contains("recorded before runs kept their level", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Regulation_data_holds_the_regimes_in_force_and_in_transition()
    {
        var data = RegulationData.Current;

        Assert.Equal(TimeSpan.FromHours(24), data.Ceiling);
        Assert.Equal(
            ["Law on Cybersecurity No. 116/2025/QH15", "Decree No. 331/2026/NĐ-CP"],
            data.Regimes.Where(r => r.Status == RegimeStatus.InForce).Select(r => r.Name.En));
        Assert.Equal(2, data.Regimes.Count(r => r.Status == RegimeStatus.Transition));
        Assert.Equal(["29.2.e", "31.2.c", "31.3"], data.Regimes.SelectMany(r => r.Obligations).Select(o => o.Article).Where(a => a.Length > 0));
        Assert.All(data.Regimes.SelectMany(r => r.Obligations).SelectMany(o => o.Sections), id => Assert.Contains(id, ReportSections.Ids));
    }

    [Theory]
    [InlineData("T1486", "Data Encrypted for Impact")]
    [InlineData("T1490", "Inhibit System Recovery")]
    [InlineData("T1485", "Data Destruction")]
    [InlineData("T1491.002", "Defacement: External Defacement")]
    [InlineData("T1190", "Exploit Public-Facing Application")]
    [InlineData("T1505.003", "Server Software Component: Web Shell")]
    [InlineData("T1499", "Endpoint Denial of Service")]
    [InlineData("T1565.001", "Data Manipulation: Stored Data Manipulation")]
    [InlineData("T1489", "Service Stop")]
    public void Technique_table_names_every_technique_the_domain_plays(string id, string name)
    {
        Assert.Equal(name, AttackTechniques.Table.NameOf(id)?.En);

        var html = Render(OutcomeRuns.Passed() with { Technique = id }, ReportLanguage.En);
        Assert.Contains($"<span class=\"mono technique-id\">{id}</span> — <span class=\"technique-name\">{name}</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_attack_step_kind_but_exec_has_its_techniques_in_the_table()
    {
        var attackKinds = StepKind.All.Where(k => k.Phases.HasFlag(StepPhases.Attack) && k.Name != "exec").Select(k => k.Name);

        Assert.All(attackKinds, kind => Assert.True(AttackTechniques.Table.StepKinds.ContainsKey(kind), $"{kind} is missing from attack-techniques.json"));
        Assert.All(AttackTechniques.Table.StepKinds.Values.SelectMany(ids => ids), id => Assert.NotNull(AttackTechniques.Table.NameOf(id)));
    }

    [Fact]
    public void Without_a_stated_technique_the_report_infers_it_from_the_attack_steps()
    {
        var html = Render(OutcomeRuns.Passed() with { Technique = null }, ReportLanguage.En);

        Assert.Contains(">T1486</span> — <span class=\"technique-name\">Data Encrypted for Impact</span>", html, StringComparison.Ordinal);
        Assert.Contains("Inferred from the attack steps", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("En", "Not given by the scenario")]
    [InlineData("Vi", "Kịch bản không nêu")]
    [InlineData("Both", "Not given by the scenario")]
    public void A_drill_with_no_technique_and_no_mapped_step_says_so(string languageName, string expected)
    {
        var language = Enum.Parse<ReportLanguage>(languageName);
        var run = OutcomeRuns.Passed() with { Technique = null, Steps = [.. OutcomeRuns.Passed().Steps.Where(s => s.Phase != "attack")] };

        var html = Render(run, language);

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"technique-id", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Participants_and_objectives_are_listed_and_missing_participants_say_not_recorded()
    {
        var listed = Render(OutcomeRuns.Passed(), ReportLanguage.En);
        var missing = Render(OutcomeRuns.Passed() with { Participants = [] }, ReportLanguage.Both);

        Assert.Contains("<li>N-1</li>", listed, StringComparison.Ordinal);
        Assert.Contains("<li>O-1</li>", listed, StringComparison.Ordinal);
        Assert.Contains("Recover the system within its 4 h target", listed, StringComparison.Ordinal);
        Assert.Contains("Play is limited to container p1-c of system p1", listed, StringComparison.Ordinal);
        Assert.Contains("id=\"participants\">\n<span class=\"muted\">" + SampleRuns.Both("Không ghi nhận", "Not recorded"), missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Improvement_plan_says_when_there_is_no_previous_run_and_when_it_left_nothing_open()
    {
        var first = Render(OutcomeRuns.Passed(), ReportLanguage.En);
        var next = _report.Render(OutcomeRuns.Passed(), SampleRuns.Context with
        {
            Language = ReportLanguage.En,
            PreviousRun = OutcomeRuns.Passed() with { RunId = "20261001-190000-r0" },
        });

        Assert.Contains("There is no previous run of this scenario to re-test.", first, StringComparison.Ordinal);
        Assert.Contains("The previous run of this scenario (20261001-190000-r0) left no open action.", next, StringComparison.Ordinal);
    }

    private string Render(RunRecord run, ReportLanguage language, EvidenceFacts? evidence = null) =>
        _report.Render(run, SampleRuns.Context with { Language = language, Evidence = evidence });
}
