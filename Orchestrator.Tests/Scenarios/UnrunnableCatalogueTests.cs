namespace Drills.Orchestrator.Tests.Scenarios;

/// <summary>Catalogues no drill could run as written, or could only run by doing harm: each refused by
/// validation at the value that causes it, with a fix, and the edge that is fine still loads.</summary>
public sealed class UnrunnableCatalogueTests
{
    private const string Ports = "ports: [\"127.0.0.1:18080:80\"] }";
    private const string Check = "{ tcp: \"127.0.0.1:18080\" }";

    public static TheoryData<string, string, string, int, int> Refused => new()
    {
        // A stop's timeout must end before the stop condition, or a container ignoring SIGTERM outlasts the drill.
        { "stop timeout equal to max_duration", MaxDuration("5m", "stop: { timeout: 5m }"), "'timeout' of 'stop' (attack step 1 of scenario 'web-kill') is 5m, not less than max_duration 5m of scenario 'web-kill'", 13, 33 },
        { "stop timeout fix", MaxDuration("5m", "stop: { timeout: 5m }"), "Fix: write a timeout shorter than 5m, or raise max_duration of scenario 'web-kill'", 13, 33 },
        { "stop timeout above the default max_duration", CatalogueText.With("kill: {}", "stop: { timeout: 3h }"), "is 3h, not less than max_duration 2h of defaults", 12, 33 },
        { "default stop timeout above a short max_duration", MaxDuration("5s", "stop: {}"), "the default timeout of 'stop' (attack step 1 of scenario 'web-kill') is 10s, not less than max_duration 5s", 13, 16 },
        { "empty stop options above a short max_duration", MaxDuration("5s", "stop:"), "the default timeout of 'stop'", 13, 16 },

        // encrypt-files writes its note and renamed files into the attacked folders: each must stay one file name there.
        { "note is the folder itself", Encrypt("note: ."), "'note' of 'encrypt-files' (attack step 1 of scenario 'web-kill') is '.', which names a folder, not a file", 13, 58 },
        { "note is the parent folder", Encrypt("note: .."), "is '..', which names a folder, not a file", 13, 58 },
        { "note with a slash", Encrypt("note: ../../etc/cron.d/x"), "holds '/', which would reach another folder", 13, 58 },
        { "note with NUL", Encrypt("note: \"a\\0b\""), "is 'a\\u0000b', which holds a control or invisible character", 13, 58 },
        { "note with a newline", Encrypt("note: \"a\\nb\""), "holds a control or invisible character", 13, 58 },
        { "note with a right-to-left override", Encrypt("note: \"a\\u202Etxt.exe\""), "holds a control or invisible character", 13, 58 },
        { "blank note", Encrypt("note: \"   \""), "is '   ', which is blank", 13, 58 },
        { "note longer than 255 bytes", Encrypt($"note: {new string('ệ', 86)}"), "is longer than 255 bytes, the longest file name", 13, 58 },
        { "note fix", Encrypt("note: .."), "Fix: write 'note: README_RESTORE.txt' (printable characters, no '/', at most 255 bytes)", 13, 58 },
        { "extension without its dot", Encrypt("extension: locked"), "'extension' of 'encrypt-files' (attack step 1 of scenario 'web-kill') is 'locked', which does not start with '.'", 13, 63 },
        { "extension that is only a dot", Encrypt("extension: ."), "is '.', which is blank", 13, 63 },
        { "extension that is a dot and spaces", Encrypt("extension: \". \""), "is '. ', which is blank", 13, 63 },
        { "extension of two dots", Encrypt("extension: .."), "is '..', which names a folder, not a file", 13, 63 },
        { "extension with a slash", Encrypt("extension: ./x"), "holds '/'", 13, 63 },
        { "extension with a tab", Encrypt("extension: \".a\\tb\""), "holds a control or invisible character", 13, 63 },
        { "extension longer than 255 bytes", Encrypt($"extension: .{new string('x', 255)}"), "is longer than 255 bytes", 13, 63 },

        // A command names a program first.
        { "exec step with a blank program", CatalogueText.With("kill: {}", "exec: [\"\", \"-c\", \"true\"]"), "the command of 'exec' (attack step 1 of scenario 'web-kill') starts with a blank program name", 12, 23 },
        { "exec step with a program of spaces", CatalogueText.With("kill: {}", "exec: [\"  \"]"), "starts with a blank program name", 12, 23 },
        { "exec step mapping with a blank program", CatalogueText.With("start: {}", "exec: { command: [\" \", x] }"), "'command' of 'exec' (restore step 1 of scenario 'web-kill') starts with a blank program name", 13, 35 },
        { "exec step with no command", CatalogueText.With("kill: {}", "exec: []"), "the command of 'exec' (attack step 1 of scenario 'web-kill') is an empty list", 12, 22 },
        { "exec step mapping with no command", CatalogueText.With("kill: {}", "exec: { command: [] }"), "is an empty list", 12, 33 },
        { "exec check with a blank program", CatalogueText.With(Check, "{ exec: [\"\", x] }"), "the command of check 1 of system 'web' starts with a blank program name", 7, 23 },
        { "exec check with no command", CatalogueText.With(Check, "{ exec: [] }"), "the command of check 1 of system 'web' is an empty list", 7, 22 },
        { "inline exec verify with a blank program", CatalogueText.Minimal + "    verify: [{ exec: [\" \"] }]\n", "starts with a blank program name", 14, 23 },

        // One host port, one container.
        { "one host port in two systems", TwoSystems("\"127.0.0.1:18080:8080\""), "Host port 18080/tcp of system 'api' is already published by system 'web'", 12, 54 },
        { "one host port in two systems written differently", TwoSystems("\"127.0.0.1:018080:80/tcp\""), "Host port 18080/tcp of system 'api' is already published by system 'web'", 12, 54 },
        { "one udp port in two systems", TwoSystems("\"127.0.0.1:18081:53/udp\"").Replace(Ports, "ports: [\"127.0.0.1:18080:80\", \"127.0.0.1:18081:53/udp\"] }", StringComparison.Ordinal), "Host port 18081/udp of system 'api'", 12, 54 },
        { "one host port twice in a system", CatalogueText.With(Ports, "ports: [\"127.0.0.1:18080:80\", \"127.0.0.1:18080:81\"] }"), "Host port 18080/tcp is published twice in 'ports' of the container of system 'web' (items 1 and 2)", 6, 89 },
        { "one host port twice, tcp written out", CatalogueText.With(Ports, "ports: [\"127.0.0.1:18080:80\", \"127.0.0.1:18080:80/tcp\"] }"), "is published twice", 6, 89 },

        // deface replaces one file: a data path is a folder.
        { "deface the data path", CatalogueText.WithData("kill: {}", "deface: { path: /srv/www, content: x }"), "'path' of 'deface' (attack step 1 of scenario 'web-kill'): '/srv/www' is the data path /srv/www of system 'web' itself, a folder; deface replaces one file. Fix: name a file under it, such as '/srv/www/index.html'", 13, 32 },
        { "deface the data path with a trailing slash", CatalogueText.WithData("kill: {}", "deface: { path: /srv/www/, content: x }"), "is the data path /srv/www of system 'web' itself", 13, 32 },
        { "deface the data path written with a dot", CatalogueText.WithData("kill: {}", "deface: { path: /srv/www/./a/.., content: x }"), "is the data path /srv/www of system 'web' itself", 13, 32 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Unrunnable_catalogue_is_refused_at_the_value_with_a_fix(string name, string yaml, string fragment, int line, int column) =>
        CatalogueText.AssertRefused(name, yaml, fragment, line, column);

    public static TheoryData<string, string> Runnable => new()
    {
        { "stop timeout just below max_duration", MaxDuration("5s", "stop: { timeout: 4s }") },
        { "default stop timeout below the default max_duration", CatalogueText.With("kill: {}", "stop: {}") },
        { "note and extension in Vietnamese", Encrypt("note: ĐỌC_TÔI.txt, extension: .khóa") },
        { "note of exactly 255 bytes", Encrypt($"note: {new string('ệ', 85)}") },
        { "note starting with dots", Encrypt("note: ..README") },
        { "exec whose later argument is empty", CatalogueText.With("kill: {}", "exec: [sh, -c, \"\"]") },
        { "tcp and udp on one host port", CatalogueText.With(Ports, "ports: [\"127.0.0.1:18080:80\", \"127.0.0.1:18080:80/udp\"] }") },
        { "one container port on two host ports", CatalogueText.With(Ports, "ports: [\"127.0.0.1:18080:80\", \"127.0.0.1:18081:80\"] }") },
        { "two systems on their own host ports", TwoSystems("\"127.0.0.1:18090:8080\"") },
    };

    [Theory]
    [MemberData(nameof(Runnable))]
    public void Runnable_edge_loads(string name, string yaml)
    {
        var result = CatalogueText.Load(yaml);

        Assert.True(result.IsValid, $"{name}:\n{string.Join("\n", result.Errors)}");
    }

    [Fact]
    public void Every_port_a_second_system_shares_is_reported()
    {
        var yaml = TwoSystems("\"127.0.0.1:18080:8080\", \"127.0.0.1:18090:8090\", \"127.0.0.1:18080:53/udp\"")
            .Replace(Ports, "ports: [\"127.0.0.1:18080:80\", \"127.0.0.1:18090:90\"] }", StringComparison.Ordinal);

        var errors = CatalogueText.Load(yaml).Errors;

        Assert.Equal(2, errors.Count(e => e.Message.Contains("is already published by system 'web'", StringComparison.Ordinal)));
    }

    /// <summary>The minimal catalogue whose scenario has that max_duration (line 12) and that attack (line 13).</summary>
    private static string MaxDuration(string maxDuration, string attack) =>
        CatalogueText.With("    system: web", $"    system: web\n    max_duration: {maxDuration}").Replace("kill: {}", attack, StringComparison.Ordinal);

    /// <summary>An encrypt-files attack on the data path (line 13) with these options after its paths.</summary>
    private static string Encrypt(string options) =>
        CatalogueText.WithData("kill: {}", $"encrypt-files: {{ paths: [/srv/www], {options} }}");

    /// <summary>A second system 'api' (lines 8–12) whose container publishes these ports (line 12).</summary>
    private static string TwoSystems(string ports) => CatalogueText.With("scenarios:",
        "  api:\n    title: Api\n    security_level: 2\n    checks: [{ tcp: \"127.0.0.1:18090\" }]\n" +
        $"    container: {{ image: a, name: drills-api, ports: [{ports}] }}\nscenarios:");
}
