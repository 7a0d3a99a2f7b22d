namespace Drills.Orchestrator.Tests.Scenarios;

/// <summary>Values that validation once let through (found by fuzzing) and that then reached labels, files or Docker.</summary>
public sealed class StrictValueTests
{
    private const string Port = "\"127.0.0.1:18080:80\"";

    /// <summary>Case name, file text, a fragment of the message or fix, and where the error must point.</summary>
    public static TheoryData<string, string, string, int, int> RefusedFiles => new()
    {
        // '$' matched before a final newline; ids, names and techniques flow into labels, lock files and logs.
        { "system id with a trailing newline", CatalogueText.With("  web:", "  \"web\\n\":"), "System id 'web\\u000A' is not a valid id", 3, 3 },
        { "scenario id with a trailing newline", CatalogueText.With("  web-kill:", "  \"web-kill\\n\":"), "is not a valid id", 9, 3 },
        { "id of 64 characters", CatalogueText.With("  web-kill:", $"  {new string('k', 64)}:"), "use up to 63 lowercase letters", 9, 3 },
        { "container name with a trailing newline", CatalogueText.With("name: drills-web", "name: \"drills-web\\n\""), "is not a valid Docker container name", 6, 47 },
        { "volume name with a trailing newline", CatalogueText.With(Port + "] }", Port + "], volumes: [\"data\\n:/srv/www\"] }"), "is not NAME:/path", 6, 100 },
        { "technique with a trailing newline", CatalogueText.With("    system: web", "    system: web\n    technique: \"T1486\\n\""), "not a MITRE ATT&CK technique id", 12, 16 },
        // Docker publishes tcp and udp only; anything else failed at create, after validate said yes.
        { "port with the sctp protocol", CatalogueText.With(Port, "\"127.0.0.1:18080:80/sctp\""), "has the protocol 'sctp'; Docker publishes tcp or udp only. Fix: write '127.0.0.1:18080:80/udp' for udp", 6, 67 },
        { "port with a junk protocol", CatalogueText.With(Port, "\"127.0.0.1:18080:80/tcpx\""), "has the protocol 'tcpx'", 6, 67 },
        { "port with two protocols", CatalogueText.With(Port, "\"127.0.0.1:18080:80/tcp/udp\""), "is not of the form", 6, 67 },
        { "port with an empty protocol", CatalogueText.With(Port, "\"127.0.0.1:18080:80/\""), "has the protocol ''", 6, 67 },
        // Blank or invisible text says nothing, or says something else than it shows.
        { "blank image", CatalogueText.With("image: \"drills/web:1\"", "image: \"  \""), "'image' of the container of system 'web' is blank", 6, 25 },
        { "blank system title", CatalogueText.With("    title: Web", "    title: \" \""), "'title' of system 'web' is blank. Fix: write 'title: Public service portal'", 4, 12 },
        { "blank scenario title", CatalogueText.With("    title: Kill", "    title: \"\\t\""), "'title' of scenario 'web-kill' is blank", 10, 12 },
        { "right-to-left override in a title", CatalogueText.With("    title: Web", "    title: \"Web\\u202Egnp.exe\""), "holds the invisible character U+202E", 4, 12 },
        { "zero-width space in a title", CatalogueText.With("    title: Kill", "    title: \"Ki\\u200Bll\""), "holds the invisible character U+200B", 10, 12 },
        { "blank env name", CatalogueText.With("name: drills-web,", "name: drills-web, env: { \" \": x },"), "Variable name ' ' in 'env' of the container of system 'web' is blank", 6, 66 },
        { "env name with '='", CatalogueText.With("name: drills-web,", "name: drills-web, env: { \"A=B\": x },"), "holds '=', spaces or invisible characters", 6, 66 },
        { "volume over the root", CatalogueText.With(Port + "] }", Port + "], volumes: [\"data:/\"] }"), "is mounted over '/', the container's whole file system", 6, 100 },
        { "volume over the root written long", CatalogueText.With(Port + "] }", Port + "], volumes: [\"data:/srv/..:ro\"] }"), "is mounted over '/'", 6, 100 },
        // Zone files that name no place: Factory has no civil time, right/ counts leap seconds, posix/ duplicates.
        { "Factory zone", CatalogueText.With("version: 1\n", "version: 1\ndefaults: { timezone: Factory }\n"), "a zone file that names no place", 2, 23 },
        { "right/ zone", CatalogueText.With("version: 1\n", "version: 1\ndefaults: { timezone: right/UTC }\n"), "a zone file that names no place", 2, 23 },
        { "posix/ zone", CatalogueText.With("version: 1\n", "version: 1\ndefaults: { timezone: posix/Asia/Ho_Chi_Minh }\n"), "Fix: write the IANA id of the place", 2, 23 },
    };

    public static TheoryData<string, string> AcceptedFiles => new()
    {
        { "port with tcp", CatalogueText.With(Port, "\"127.0.0.1:18080:80/tcp\"") },
        { "port with udp", CatalogueText.With(Port, "\"127.0.0.1:18080:80/udp\"") },
        { "title with letters of any script", CatalogueText.With("    title: Web", "    title: Cổng dịch vụ công") },
        { "env value that is blank", CatalogueText.With("name: drills-web,", "name: drills-web, env: { PORTAL_TITLE: \" \" },") },
        { "zone of a place", CatalogueText.With("version: 1\n", "version: 1\ndefaults: { timezone: Asia/Ho_Chi_Minh }\n") },
        { "id of 63 characters", CatalogueText.With("  web-kill:", $"  {new string('k', 63)}:") },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public void Refused_value_is_a_located_error_with_a_fix(string name, string yaml, string fragment, int line, int column)
    {
        CatalogueText.AssertRefused(name, yaml, fragment, line, column);
    }

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Edge_value_still_loads(string name, string yaml)
    {
        var result = CatalogueText.Load(yaml);

        Assert.True(result.IsValid, $"{name}:\n{string.Join("\n", result.Errors)}");
    }
}
