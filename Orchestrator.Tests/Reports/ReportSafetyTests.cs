using System.Reflection;
using Drills.Reports.AfterAction;
using Drills.Reports.Rendering;
using Scriban.Syntax;

namespace Drills.Orchestrator.Tests.Reports;

public sealed class ReportSafetyTests
{
    [Fact]
    public void View_model_exposes_only_encoded_text_flags_and_lists_of_view_rows()
    {
        var offenders = new List<string>();
        Walk(typeof(AfterActionView), offenders, []);

        Assert.Empty(offenders);
    }

    [Fact]
    public void Html_text_encodes_markup_and_quotes_but_keeps_Vietnamese_readable()
    {
        var text = HtmlText.Encode("<b a='1' b=\"2\">Khôi phục & đạt</b>");

        Assert.Equal("&lt;b a=&#39;1&#39; b=&quot;2&quot;&gt;Khôi phục &amp; đạt&lt;/b&gt;", text.ToString());
    }

    [Fact]
    public void Html_text_shows_control_characters_as_signs_and_masks_url_passwords()
    {
        var text = HtmlText.Encode("ok\u001b]0;pwned\u0007\u001b[2J\u009b http://u:p4ss@127.0.0.1/\n");

        Assert.Equal("ok␛]0;pwned␇␛[2J\\x9b http://u:***@127.0.0.1/\n", text.Encoded);
    }

    [Fact]
    public void A_misspelt_template_member_fails_instead_of_printing_nothing()
    {
        var template = new ReportTemplate("typo.html", "{{ report.cover.sytem_title }}");
        var view = new { Cover = new { SystemTitle = HtmlText.Encode("x") } };

        Assert.ThrowsAny<ScriptRuntimeException>(() => template.Render(view, ""));
    }

    private static void Walk(Type type, List<string> offenders, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var kind = property.PropertyType;
            if (kind == typeof(HtmlText) || kind == typeof(bool))
            {
                continue;
            }

            if (kind.IsGenericType && kind.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                Walk(kind.GetGenericArguments()[0], offenders, seen);
            }
            else if (kind.Namespace == typeof(AfterActionView).Namespace && kind.IsClass)
            {
                Walk(kind, offenders, seen);
            }
            else
            {
                offenders.Add($"{type.Name}.{property.Name} is {kind.Name}");
            }
        }
    }
}
