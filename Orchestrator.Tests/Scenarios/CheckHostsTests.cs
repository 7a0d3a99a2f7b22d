using Drills.Scenarios.Checks;

namespace Drills.Orchestrator.Tests.Scenarios;

/// <summary>http and tcp checks reach this machine's loopback, and other hosts only when their system lists them
/// in check_hosts; link-local addresses (the cloud metadata service) never.</summary>
public sealed class CheckHostsTests
{
    private const string Check = "{ tcp: \"127.0.0.1:18080\" }";

    public static TheoryData<string, string, string, int, int> Refused => new()
    {
        { "http check to another host", Checks("{ http: \"http://10.0.0.12/health\" }"), "check 1 of system 'web' reaches '10.0.0.12', which is not this machine's loopback (127.0.0.0/8, ::1) and not listed in the system's check_hosts", 7, 22 },
        { "tcp check to a host name", Checks("{ tcp: \"intranet.example.gov.vn:443\" }"), "reaches 'intranet.example.gov.vn', which is not this machine's loopback (127.0.0.1, ::1, localhost) and not listed", 7, 21 },
        { "fix names check_hosts", Checks("{ tcp: \"intranet.example.gov.vn:443\" }"), "Fix: check the system through a port it publishes on 127.0.0.1, or, if the check must reach 'intranet.example.gov.vn', add it to 'check_hosts' of the system", 7, 21 },
        { "http check to the metadata service", Checks("{ http: \"http://169.254.169.254/latest/meta-data/\" }"), "reaches '169.254.169.254', which is link-local (169.254.0.0/16, fe80::/10): the cloud metadata service", 7, 22 },
        { "tcp check to an IPv6 link-local address", Checks("{ tcp: \"fe80::1:80\" }"), "reaches 'fe80::1', which is link-local", 7, 21 },
        { "http check to an IPv4-mapped metadata address", Checks("{ http: \"http://[::ffff:169.254.169.254]/\" }"), "which is link-local", 7, 22 },
        { "tcp check to every address", Checks("{ tcp: \"0.0.0.0:18080\" }"), "reaches '0.0.0.0', which is not this machine's loopback", 7, 21 },
        { "tcp check to a number read as an address", Checks("{ tcp: \"2130706433:18080\" }"), "reaches '2130706433', which is not this machine's loopback", 7, 21 },
        { "host listed for another system", TwoSystems("[10.0.0.12]", "[]"), "check 1 of system 'api' reaches '10.0.0.12'", 13, 21 },
        { "inline verify check to another host", CatalogueText.Minimal + "    verify: [{ http: \"http://10.0.0.12/\" }]\n", "verify item 1 of scenario 'web-kill' reaches '10.0.0.12'", 14, 22 },
        { "link-local address in check_hosts", Listing("[169.254.169.254]"), "'169.254.169.254' in 'check_hosts' of system 'web' is link-local (169.254.0.0/16, fe80::/10): the cloud metadata service and self-assigned addresses live there, never a system under drill", 8, 19 },
        { "IPv6 link-local address in check_hosts", Listing("[\"fe80::a9fe:a9fe\"]"), "is link-local", 8, 19 },
        { "every address in check_hosts", Listing("[\"0.0.0.0\"]"), "'0.0.0.0' in 'check_hosts' of system 'web' means every address of a machine, not one host", 8, 19 },
        { "URL in check_hosts", Listing("[\"http://intranet.example.gov.vn\"]"), "is not a host name or an IP address. Fix: list exact host names or IP addresses a check may reach beyond loopback, without scheme, port or path", 8, 19 },
        { "host with a port in check_hosts", Listing("[\"intranet.example.gov.vn:443\"]"), "is not a host name or an IP address", 8, 19 },
        { "blank host in check_hosts", Listing("[\" \"]"), "is not a host name or an IP address", 8, 19 },
        { "check_hosts not a list", Listing("intranet.example.gov.vn"), "'check_hosts' of system 'web' must be a list", 8, 18 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_beyond_its_reach_is_refused_at_the_value_with_a_fix(string name, string yaml, string fragment, int line, int column) =>
        CatalogueText.AssertRefused(name, yaml, fragment, line, column);

    public static TheoryData<string, string> Allowed => new()
    {
        { "localhost", Checks("{ http: \"http://localhost:18080/\" }") },
        { "anywhere in 127.0.0.0/8", Checks("{ tcp: \"127.0.0.2:18080\" }") },
        { "IPv6 loopback in brackets", Checks("{ http: \"http://[::1]:18080/\" }") },
        { "IPv6 loopback as tcp", Checks("{ tcp: \"::1:18080\" }") },
        { "URL with user-info", Checks("{ http: \"http://drills:secret@127.0.0.1:18080/\" }") },
        { "listed host name", Listing("[intranet.example.gov.vn, 10.0.0.12]", "{ http: \"https://intranet.example.gov.vn/health\" }") },
        { "listed host name in another case, with the root's dot", Listing("[intranet.example.gov.vn]", "{ tcp: \"Intranet.Example.gov.vn.:443\" }") },
        { "listed IP address", Listing("[intranet.example.gov.vn, 10.0.0.12]", "{ tcp: \"10.0.0.12:5432\" }") },
        { "listed IPv6 address", Listing("[\"fd00::12\"]", "{ http: \"http://[fd00::12]:8080/\" }") },
        { "empty check_hosts", Listing("[]") },
        { "inline verify check to a listed host", Listing("[10.0.0.12]") + "    verify: [{ http: \"http://10.0.0.12/\" }]\n" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Check_within_its_reach_loads(string name, string yaml)
    {
        var result = CatalogueText.Load(yaml);

        Assert.True(result.IsValid, $"{name}:\n{string.Join("\n", result.Errors)}");
    }

    [Fact]
    public void Loaded_system_carries_its_check_hosts_and_one_without_them_reaches_loopback_only()
    {
        var yaml = CatalogueText.Swap(Listing("[intranet.example.gov.vn]"), "scenarios:",
            "  api:\n    title: Api\n    security_level: 2\n    container: { image: a, name: drills-api }\n    checks: [{ tcp: \"127.0.0.1:18091\" }]\nscenarios:");

        var catalogue = CatalogueText.Load(yaml).Catalogue!;

        Assert.Equal(["intranet.example.gov.vn"], catalogue.Systems["web"].CheckReach.Hosts);
        Assert.Same(CheckReach.LoopbackOnly, catalogue.Systems["api"].CheckReach);
    }

    [Fact]
    public void Bad_check_hosts_are_reported_without_refusing_the_checks_that_need_them()
    {
        var yaml = Listing("[\"intranet.example.gov.vn:443\"]", "{ tcp: \"intranet.example.gov.vn:443\" }");

        var error = Assert.Single(CatalogueText.Load(yaml).Errors);

        Assert.Contains("in 'check_hosts' of system 'web' is not a host name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_of_a_link_local_address_is_refused_also_when_check_hosts_could_not_be_read()
    {
        var yaml = Listing("[\"fe80::1\"]", "{ http: \"http://169.254.169.254/\" }");

        var errors = CatalogueText.Load(yaml).Errors;

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Message.StartsWith("'fe80::1' in 'check_hosts' of system 'web' is link-local", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("check 1 of system 'web' reaches '169.254.169.254', which is link-local", StringComparison.Ordinal));
    }

    private static string Checks(string check) => CatalogueText.With(Check, check);

    /// <summary>The minimal catalogue whose system lists these check_hosts (line 8), and has this check.</summary>
    private static string Listing(string hosts, string check = Check) =>
        CatalogueText.With(CatalogueText.ChecksLine, CatalogueText.ChecksLine.Replace(Check, check, StringComparison.Ordinal) + $"\n    check_hosts: {hosts}");

    /// <summary>System 'web' lists webHosts (line 8); a second system 'api' (lines 9–14) lists apiHosts and checks 10.0.0.12 on line 13.</summary>
    private static string TwoSystems(string webHosts, string apiHosts) =>
        CatalogueText.Swap(Listing(webHosts), "scenarios:",
            "  api:\n    title: Api\n    security_level: 2\n    container: { image: a, name: drills-api }\n" +
            $"    checks: [{{ tcp: \"10.0.0.12:80\" }}]\n    check_hosts: {apiHosts}\nscenarios:");
}
