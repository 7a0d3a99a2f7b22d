using System.Globalization;
using Drills.Scenarios.Checks;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>Steady-state checks: one mapping per check, with exactly one form key (http, tcp or exec).</summary>
internal static class CheckReader
{
    private static readonly string[] Forms = ["http", "tcp", "exec"];
    private static readonly string[] AllKeys = ["http", "tcp", "exec", "expect", "expect_exit", "contains"];

    private static readonly Dictionary<string, string[]> OptionsByForm = new(StringComparer.Ordinal)
    {
        ["http"] = ["expect", "contains"],
        ["tcp"] = [],
        ["exec"] = ["expect_exit", "contains"],
    };

    /// <param name="reach">Where the check may connect; null when the system's check_hosts could not be read
    /// (already reported), so hosts go unchecked rather than refused against a stand-in.</param>
    public static CheckDefinition? Read(NodeReader reader, YamlNode node, string what, CheckReach? reach)
    {
        if (reader.Mapping(node, what, AllKeys) is not { } fields || ReadForm(reader, fields) is not { } form)
        {
            return null;
        }

        if (!CheckOptions(reader, fields, form))
        {
            return null;
        }

        var value = fields.Optional(form);
        if (value is null)
        {
            reader.Report(fields.KeyNode(form), $"'{form}' of {what} has no value.", $"write the {form} target, such as {Example(form)}");
            return null;
        }

        return form switch
        {
            "http" => ReadHttp(reader, fields, value, reach),
            "tcp" => ReadTcp(reader, fields, value, reach),
            _ => ReadExec(reader, fields, value),
        };
    }

    private static string? ReadForm(NodeReader reader, Fields fields)
    {
        var forms = Forms.Where(fields.Contains).ToList();
        if (forms.Count == 1)
        {
            return forms[0];
        }

        if (forms.Count > 1)
        {
            reader.Report(fields.KeyNode(forms[1]), $"{fields.What} has {forms.Count} forms ({string.Join(", ", forms)}); a check has exactly one.",
                "split it into one list item per check, each starting with '- http:', '- tcp:' or '- exec:'");
        }
        else if (!fields.HasUnknownKeys)
        {
            reader.Report(fields.Node, $"{fields.What} has none of the check forms http, tcp or exec.",
                $"start the check with one of: http: {Example("http")}, tcp: {Example("tcp")}, exec: {Example("exec")}");
        }

        return null;
    }

    private static bool CheckOptions(NodeReader reader, Fields fields, string form)
    {
        var valid = true;
        foreach (var key in fields.Keys.Where(k => k != form && !OptionsByForm[form].Contains(k)).ToList())
        {
            var allowed = OptionsByForm[form].Length == 0 ? "it takes no options" : $"its options are {string.Join(", ", OptionsByForm[form])}";
            reader.Report(fields.KeyNode(key), $"'{key}' does not apply to {form} checks.", $"remove '{key}': {allowed}");
            valid = false;
        }

        return valid;
    }

    private static HttpCheck? ReadHttp(NodeReader reader, Fields fields, YamlNode value, CheckReach? reach)
    {
        var url = reader.Text(value, $"the URL of {fields.What}");
        var expect = fields.OptionalInteger("expect", 100, 599);
        var contains = fields.OptionalText("contains");
        if (url is null || (fields.Optional("expect") is not null && expect is null))
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || CheckReach.HostOf(uri) is not { } host)
        {
            reader.Report(value, $"'{url}' is not an absolute http or https URL.", $"write a full URL such as {Example("http")}");
            return null;
        }

        return IsWithinReach(reader, value, host, reach, fields.What) ? new HttpCheck(url, expect ?? 200, contains, reader.At(fields.Node)) : null;
    }

    private static TcpCheck? ReadTcp(NodeReader reader, Fields fields, YamlNode value, CheckReach? reach)
    {
        if (reader.Text(value, $"the address of {fields.What}") is not { } address)
        {
            return null;
        }

        var colon = address.LastIndexOf(':');
        if (colon > 0
            && int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is >= 1 and <= 65535)
        {
            return IsWithinReach(reader, value, address[..colon], reach, fields.What) ? new TcpCheck(address[..colon], port, reader.At(fields.Node)) : null;
        }

        reader.Report(value, $"'{address}' is not a host:port address.", $"write the host and a port from 1 to 65535, such as {Example("tcp")}");
        return null;
    }

    // A check connects from the machine drills runs on: left unbounded, a catalogue could make it probe the
    // agency's network or the cloud metadata service. The probe enforces the same reach on every connection.
    private static bool IsWithinReach(NodeReader reader, YamlNode value, string host, CheckReach? reach, string what)
    {
        // Without a readable check_hosts only the link-local rule applies: no listing could allow such a host.
        var linkLocal = CheckReach.Literal(host) is { } address && CheckReach.IsLinkLocal(address);
        if ((reach ?? (linkLocal ? CheckReach.LoopbackOnly : null))?.RefusalOf(host) is not { } refusal)
        {
            return true;
        }

        var fix = linkLocal
            ? $"check the system through a port it publishes on 127.0.0.1, such as {Example("tcp")}"
            : $"check the system through a port it publishes on 127.0.0.1, or, if the check must reach '{host}', add it to 'check_hosts' of the system";
        reader.Report(value, $"{what} reaches '{host}', which {refusal}.", fix);
        return false;
    }

    private static ExecCheck? ReadExec(NodeReader reader, Fields fields, YamlNode value)
    {
        var command = reader.Command(value, $"the command of {fields.What}", Example("exec"));
        var expectExit = fields.OptionalInteger("expect_exit", 0, 255);
        var contains = fields.OptionalText("contains");
        if (command is null || (fields.Optional("expect_exit") is not null && expectExit is null))
        {
            return null;
        }

        return new ExecCheck(command, expectExit ?? 0, contains, reader.At(fields.Node));
    }

    private static string Example(string form) => form switch
    {
        "http" => "http://127.0.0.1:18080/health",
        "tcp" => "127.0.0.1:18080",
        _ => "[\"sh\", \"-c\", \"test -s /srv/www/index.html\"]",
    };
}
