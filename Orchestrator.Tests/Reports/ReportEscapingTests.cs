using System.Text.RegularExpressions;
using Drills.Reports.AfterAction;
using Drills.Reports.Rendering;
using Drills.Scenarios.Regulation;
using Drills.Scenarios.RunRecords;
using Scriban.Syntax;

namespace Drills.Orchestrator.Tests.Reports;

/// <summary>
/// Markup in anything from the catalogue or a container renders as text in every place it lands (element
/// content, attributes, SVG titles), and the page references nothing outside itself.
/// </summary>
public sealed partial class ReportEscapingTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";
    private const string Both = Script + Image;

    private readonly AfterActionReport _report = new();

    public static TheoryData<string> Languages => ["vi", "en", "both"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Markup_in_every_catalogue_and_container_text_renders_as_text(string lang)
    {
        var html = Render(Hostile(), lang);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<[a-z]+[^>]*\\son[a-z]+=", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_inside_the_svg_timeline_stays_text_in_its_titles()
    {
        var html = Render(Hostile(), "both");

        var svg = Regex.Match(html, "<svg id=\"gantt\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(svg);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", svg, StringComparison.Ordinal);
        var elements = Regex.Matches(svg, "<([a-zA-Z]+)").Select(m => m.Groups[1].Value).Distinct().Order().ToList();
        Assert.Equal(["desc", "g", "line", "rect", "svg", "text", "title"], elements);
    }

    [Fact]
    public void A_quote_in_a_value_cannot_leave_its_attribute()
    {
        var run = Hostile() with { Journal = [new(1, JournalMark.Note, SampleRuns.Start, TimeSpan.Zero, "\" onmouseover=\"alert(1)")] };

        var html = Render(run, "both");

        Assert.DoesNotContain("\" onmouseover=\"", html, StringComparison.Ordinal);
        Assert.Contains("&quot; onmouseover=&quot;alert(1)", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Page_holds_no_script_and_references_no_outside_resource(string lang)
    {
        foreach (var run in new[] { "passed", "failed", "aborted", "skipped" })
        {
            var html = Render(OutcomeRuns.Named(run) with { ScenarioTitle = "http://evil.example/x.js" }, lang);

            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(OutsideReference(), html);
            // Links only within the page.
            Assert.All(Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value), href => Assert.StartsWith("#", href, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Running_mark_in_the_style_sheet_is_css_escaped()
    {
        var context = SampleRuns.Context with { Classification = "Mật\"; } body { color: red } </style><script>x</script>" };

        var html = _report.Render(OutcomeRuns.Passed(), context);

        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        var mark = Regex.Match(style, "@top-right \\{ content: \"([^\"]*)\"; \\}").Groups[1].Value;
        Assert.Matches("^[A-Za-z0-9 \\\\]+$", mark);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Markup_in_canary_markers_cleanup_items_readiness_observations_and_fallback_reasons_renders_as_text(string lang)
    {
        var run = RecoveryRuns.LossMissed() with
        {
            DataLoss = RecoveryRuns.Loss(RecoveryRuns.Markers(lostBeforeBackup: 1, failedWrites: 1, prefix: Both), rpoSeconds: 0.5),
            RestoredFrom = [new(RecoveryRuns.BackupId, RecoveryRuns.BackupTaken, RestoredBackup.Offline, Both)],
            Readiness = new([new("image", true, Both), new(Both, false, Both)]),
            Cleanup = new([Both, "h-1"], ["h-1"]),
        };

        var html = Render(run, lang);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<[a-z]+[^>]*\\son[a-z]+=", html);
        var svg = Regex.Match(html, "<svg id=\"data-loss-chart\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", svg, StringComparison.Ordinal);
        Assert.Equal(["desc", "g", "line", "svg", "text", "title"], Regex.Matches(svg, "<([a-zA-Z]+)").Select(m => m.Groups[1].Value).Distinct().Order().ToList());
        // A marker in the missing list, the readiness observation, the cleanup item: each a cell of its own.
        Assert.True(Regex.Count(html, "<td class=\"raw\">&lt;script&gt;alert\\(1\\)&lt;/script&gt;&lt;img src=x onerror=alert\\(1\\)&gt;") >= 4);
    }

    [Fact]
    public void Undefined_template_variable_fails_the_render()
    {
        var template = new ReportTemplate("undefined.html", "{{ no_such_variable }}");

        Assert.ThrowsAny<ScriptRuntimeException>(() => template.Render(new { }, ""));
    }

    [Fact]
    public void Language_function_refuses_a_raw_string_from_the_model()
    {
        var template = new ReportTemplate("raw.html", "{{ t report.raw }}");

        Assert.ThrowsAny<Exception>(() => template.Render(new { Raw = 42 }, "", new LanguageFunctions(ReportLanguage.Vi).All));
    }

    private string Render(RunRecord run, string lang) =>
        _report.Render(run, SampleRuns.Context with { Language = Enum.Parse<ReportLanguage>(lang, ignoreCase: true) });

    /// <summary>A run whose every catalogue and container text carries both payloads.</summary>
    private static RunRecord Hostile()
    {
        var run = SampleRuns.Passed();
        return run with
        {
            ScenarioTitle = Both,
            SystemTitle = Both,
            Agency = Both,
            SystemOwner = Both,
            Participants = [Both],
            Objectives = [Both],
            Approval = new ApprovalReference(Both, new DateOnly(2026, 9, 1)),
            Technique = "T9999",
            ContainerName = Both,
            AbortReason = Both,
            Journal = [.. run.Journal.Select(e => e with { Message = Both, Detail = Both })],
            Steps = [new("attack", 1, "exec", Both, false, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), "stdout: " + Both + "\n/srv/www/" + Both + ".html")],
            Checks = [new("verify", "http " + Both, false, TimeSpan.FromSeconds(2), "HTTP 500 body: " + Both)],
        };
    }

    // src=, href= or url() naming another origin or a protocol-relative address.
    [GeneratedRegex("(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)|url\\(\\s*[\"']?\\s*(https?:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideReference();
}
