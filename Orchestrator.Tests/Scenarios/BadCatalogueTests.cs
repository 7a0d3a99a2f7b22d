namespace Drills.Orchestrator.Tests.Scenarios;

public sealed class BadCatalogueTests
{
    private const string M = CatalogueText.Minimal;

    /// <summary>Case name, file text, a fragment of the message or fix, and where the error must point.</summary>
    public static TheoryData<string, string, string, int, int> BadFiles => new()
    {
        { "unknown top-level key", M + "sytems: {}\n", "Unknown key 'sytems' in the catalogue. Fix: did you mean 'systems'?", 14, 1 },
        { "unknown system key", CatalogueText.With("    title: Web", "    titel: Web"), "Unknown key 'titel' in system 'web'. Fix: did you mean 'title'?", 4, 5 },
        { "unknown step kind", CatalogueText.With("kill: {}", "kil: {}"), "Unknown step kind 'kil'", 12, 16 },
        { "unknown step kind suggestion", CatalogueText.With("kill: {}", "kil: {}"), "did you mean 'kill'?", 12, 16 },
        { "missing system", CatalogueText.With("system: web", "system: wbe"), "names system 'wbe', which is not declared", 11, 13 },
        { "bad duration", CatalogueText.With("    security_level: 3", "    security_level: 3\n    rto_target: 4 hours"), "is '4 hours', which is not a duration", 6, 17 },
        { "security level 0", CatalogueText.With("security_level: 3", "security_level: 0"), "'security_level' of system 'web' is '0'; it must be a whole number in 1..5", 5, 21 },
        { "security level 6", CatalogueText.With("security_level: 3", "security_level: 6"), "in 1..5", 5, 21 },
        { "rto above ceiling", CatalogueText.With("    security_level: 3", "    security_level: 3\n    rto_target: 25h"), "'rto_target' of system 'web' is 25h, above the national ceiling of 24h. Fix: write a target of 24h or less", 6, 17 },
        { "rto echoed as written", CatalogueText.With("    security_level: 3", "    security_level: 3\n    rto_target: 30h"), "is 30h, above the national ceiling of 24h", 6, 17 },
        { "duplicate scenario id", M + "  web-kill:\n    title: Again\n", "Duplicate scenario id 'web-kill': it is already defined at line 9", 14, 3 },
        { "duplicate system id", CatalogueText.With("scenarios:", "  web:\n    title: Again\nscenarios:"), "Duplicate system id 'web'", 8, 3 },
        { "duplicate key", CatalogueText.With("    title: Kill", "    title: Kill\n    title: Kill"), "Duplicate key 'title'", 11, 5 },
        { "bad cron", CatalogueText.With("    system: web", "    system: web\n    schedule: \"0 0 25 ? * SUN\""), "Hour values must be between 0 and 23", 12, 15 },
        { "cron Quartz refuses", CatalogueText.With("    system: web", "    system: web\n    schedule: \"0 0 0 ? * 2#1,3\""), "Quartz refuses it: '#' applies to the whole day-of-week field", 12, 15 },
        { "crontab restricting both days", CatalogueText.With("    system: web", "    system: web\n    schedule: \"0 2 1 * 1-5\""), "Fix: for days matching either, write the Quartz cron \"0 0 2 1 * MON-FRI\"", 12, 15 },
        { "version 2", CatalogueText.With("version: 1", "version: 2"), "Format version '2' is not supported", 1, 10 },
        { "missing version", CatalogueText.With("version: 1\n", ""), "the catalogue has no 'version'", 1, 1 },
        { "port not on loopback", CatalogueText.With("\"127.0.0.1:18080:80\"", "\"18080:80\""), "publish on 127.0.0.1 only: write '127.0.0.1:18080:80'", 6, 67 },
        { "port on every interface", CatalogueText.With("\"127.0.0.1:18080:80\"", "\"0.0.0.0:18080:80\""), "is not bound to 127.0.0.1", 6, 67 },
        { "restart in attack", CatalogueText.With("kill: {}", "restart: {}"), "Step kind 'restart' belongs in restore, not attack", 12, 16 },
        { "kill in restore", CatalogueText.With("start: {}", "kill: {}"), "belongs in attack, not restore", 13, 17 },
        { "integrity without data", M + "    verify: [checks, integrity]\n", "Verify item 'integrity' needs data paths, but system 'web' declares none", 14, 22 },
        { "unknown verify item", M + "    verify: [chekcs]\n", "did you mean 'checks'?", 14, 14 },
        { "unknown blackout calendar", M + "    blackout: [night]\n", "names calendar 'night', which is not declared in calendars", 14, 16 },
        { "blackout suggestion", M + "    blackout: [nigth]\ncalendars:\n  night: { daily: \"22:00-23:59\" }\n", "did you mean 'night'?", 14, 16 },
        { "bad timezone", CatalogueText.With("version: 1\n", "version: 1\ndefaults: { timezone: Mars/Olympus }\n"), "'Mars/Olympus', which is not a known IANA time zone", 2, 23 },
        { "yaml syntax error", CatalogueText.With("    title: Web", "    title: [Web"), "YAML syntax error", 4, 12 },
        { "yaml mapping inside a plain value", CatalogueText.With("    title: Web", "    title: Web: site"), "YAML syntax error", 4, 15 },
        { "yaml tab in indentation", CatalogueText.With("  web:", "\tweb:"), "found invalid tab as indentation", 3, 1 },
        { "yaml tab after a plain value", CatalogueText.With("    security_level: 3", "  \t  security_level: 3"), "YAML syntax error", 5, 3 },
        { "yaml bad indentation", CatalogueText.With("    security_level: 3", "   security_level: 3"), "YAML syntax error", 5, 4 },
        { "empty attack", CatalogueText.With("attack: [{ kill: {} }]", "attack: []"), "'attack' of scenario 'web-kill' is empty", 12, 13 },
        { "missing restore", CatalogueText.With("    restore: [{ start: {} }]\n", ""), "scenario 'web-kill' has no 'restore'", 10, 5 },
        { "bad technique", CatalogueText.With("    system: web", "    system: web\n    technique: T14860"), "not a MITRE ATT&CK technique id", 12, 16 },
        { "unknown technique", CatalogueText.With("    system: web", "    system: web\n    technique: T1468"), "which drills' technique table does not hold", 12, 16 },
        { "bad system id", CatalogueText.With("  web:", "  Web_Site:"), "System id 'Web_Site' is not a valid id", 3, 3 },
        { "bad container name", CatalogueText.With("name: drills-web", "name: -web"), "is not a valid Docker container name", 6, 47 },
        { "relative data path", CatalogueText.With("    security_level: 3", "    security_level: 3\n    data: { paths: [srv/www] }"), "'srv/www' is a relative path", 6, 21 },
        { "unknown check form", CatalogueText.With("{ tcp:", "{ tpc:"), "Unknown key 'tpc' in check 1 of system 'web'. Fix: did you mean 'tcp'?", 7, 16 },
        { "two check forms", CatalogueText.With("{ tcp: \"127.0.0.1:18080\" }", "{ tcp: \"127.0.0.1:18080\", exec: [true] }"), "has 2 forms (tcp, exec)", 7, 40 },
        { "unknown signal", CatalogueText.With("kill: {}", "kill: { signal: SIGKIL }"), "did you mean 'SIGKILL'?", 12, 32 },
        { "scalar where mapping expected", CatalogueText.With("    container: { image: \"drills/web:1\", name: drills-web, ports: [\"127.0.0.1:18080:80\"] }", "    container: drills/web:1"), "the container of system 'web' must be a mapping", 6, 16 },
        { "probe not below max", CatalogueText.With("    system: web", "    system: web\n    probe_interval: 5m\n    max_duration: 5m"), "is not less than its max_duration 5m", 12, 21 },
        { "level outside range", "levels:\n  6: { rto_target: 1h }\n" + M, "Security level '6' in levels is not one of 1..5", 2, 3 },
        { "level target above ceiling", "levels:\n  5: { rto_target: 2d }\n" + M, "above the national ceiling", 2, 20 },
        { "bad daily window", M + "calendars:\n  night: { daily: \"22:00-06:00\" }\n", "start before the end", 15, 19 },
        { "bad calendar date", M + "calendars:\n  tet: { dates: [\"2027-02-11..2027-02-05\"] }\n", "is not a date or a date range", 15, 18 },
        { "unknown weekday", M + "calendars:\n  weekend: { weekdays: [sat, sum] }\n", "did you mean 'sun'?", 15, 30 },
        { "empty calendar", M + "calendars:\n  nothing: {}\n", "has none of daily, weekdays or dates", 15, 12 },
        { "duplicate container name", CatalogueText.With("scenarios:", "  api:\n    title: Api\n    security_level: 2\n    container: { image: a, name: drills-web }\n    checks: [{ tcp: \"127.0.0.1:1\" }]\nscenarios:"), "Container name 'drills-web' of system 'api' is already used by system 'web'", 11, 34 },
        { "restore-backup with unknown source", CatalogueText.With("start: {}", "restore-backup: lastest"), "did you mean 'latest'?", 13, 33 },
        { "deface of a relative path", CatalogueText.With("kill: {}", "deface: { path: index.html }"), "'index.html' is a relative path", 12, 32 },
        { "deface without content", CatalogueText.With("kill: {}", "deface: { path: index.html }"), "has no 'content'", 12, 24 },
        { "option of another step", CatalogueText.With("start: {}", "restart: { timeout: 10s }"), "Unknown key 'timeout' in 'restart'", 13, 28 },
        { "step with two kinds", CatalogueText.With("[{ kill: {} }]", "[{ kill: {}, pause: {} }]"), "a step is one kind with its options inside", 12, 14 },

        // Volumes: named only, never a host folder or the Docker socket.
        { "host folder volume", Volume("/srv/site:/srv/www"), "mounts the host path '/srv/site': drills never mounts host folders into a target", 6, 100 },
        { "host folder volume fix", Volume("/srv/site:/srv/www"), "Fix: use a named volume instead, such as 'drills-web-data:/srv/www'", 6, 100 },
        { "relative host folder volume", Volume("./site:/srv/www"), "mounts the host path './site'", 6, 100 },
        { "home folder volume", Volume("~/site:/srv/www:ro"), "mounts the host path '~/site'", 6, 100 },
        { "docker socket volume", Volume("/var/run/docker.sock:/var/run/docker.sock"), "mounts the Docker socket", 6, 100 },
        { "volume without container path", Volume("web-data"), "is not NAME:/path or NAME:/path:ro|rw", 6, 100 },
        { "volume with relative container path", Volume("web-data:srv/www"), "is not NAME:/path", 6, 100 },
        { "volume with unknown mode", Volume("web-data:/srv/www:rx"), "is not NAME:/path", 6, 100 },
        { "volume name starting with a dash", Volume("-data:/srv/www"), "is not NAME:/path", 6, 100 },
        // Attacked paths must be data paths or under one, so restore-backup and rollback can undo the attack.
        { "encrypt outside data paths", CatalogueText.WithData("kill: {}", "encrypt-files: { paths: [/etc] }"), "'/etc' is outside the data paths of system 'web' (/srv/www), so neither restore-backup nor rollback could bring it back", 13, 41 },
        { "encrypt outside data paths fix", CatalogueText.WithData("kill: {}", "encrypt-files: { paths: [/etc] }"), "Fix: add '/etc' to data.paths of system 'web', or target a path under /srv/www", 13, 41 },
        { "delete a sibling sharing the prefix", CatalogueText.WithData("kill: {}", "delete-files: { paths: [/srv/www, /srv/www2] }"), "'/srv/www2' is outside the data paths", 13, 50 },
        { "delete escaping with dot-dot", CatalogueText.WithData("kill: {}", "delete-files: { paths: [/srv/www/../etc] }"), "add '/srv/etc' to data.paths", 13, 40 },
        { "deface outside data paths", CatalogueText.WithData("kill: {}", "deface: { path: /etc/passwd, content: x }"), "'/etc/passwd' is outside the data paths of system 'web' (/srv/www)", 13, 32 },
        { "delete the root", CatalogueText.WithData("kill: {}", "delete-files: { paths: [/] }"), "'/' is the container's whole file system, which no drill may attack", 13, 40 },
        { "encrypt the root written long", CatalogueText.WithData("kill: {}", "encrypt-files: { paths: [/srv/..] }"), "is the container's whole file system", 13, 41 },
        { "encrypt without data paths", CatalogueText.With("kill: {}", "encrypt-files: { paths: [/srv/www] }"), "outside the data paths of system 'web' (none declared)", 12, 41 },
        { "data paths with the root", CatalogueText.With(CatalogueText.ChecksLine, CatalogueText.ChecksLine + "\n    data: { paths: [/srv/www, /] }"), "'/' is the container's whole file system; restore-backup empties the data paths", 8, 31 },
        // Durations: a drill aborts within 7 days, probes no faster than 100ms, and never waits past its stop condition.
        { "defaults max_duration above 7d", CatalogueText.With("version: 1\n", "version: 1\ndefaults: { max_duration: 8d }\n"), "'max_duration' of defaults is 8d, longer than the 7d limit", 2, 27 },
        { "scenario max_duration above 7d", CatalogueText.With("    system: web", "    system: web\n    max_duration: 7d1h"), "'max_duration' of scenario 'web-kill' is 7d1h, longer than the 7d limit", 12, 19 },
        { "max_duration echoed as written", CatalogueText.With("    system: web", "    system: web\n    max_duration: 170h"), "'max_duration' of scenario 'web-kill' is 170h, longer than the 7d limit", 12, 19 },
        { "defaults probe_interval below 100ms", CatalogueText.With("version: 1\n", "version: 1\ndefaults: { probe_interval: 50ms }\n"), "'probe_interval' of defaults is 50ms, below the 100ms minimum", 2, 29 },
        { "scenario probe_interval below 100ms", CatalogueText.With("    system: web", "    system: web\n    probe_interval: 99ms"), "below the 100ms minimum", 12, 21 },
        { "wait as long as the scenario's max_duration", CatalogueText.With("    system: web", "    system: web\n    max_duration: 5m").Replace("start: {}", "wait: 5m", StringComparison.Ordinal), "is 5m, not less than max_duration 5m of scenario 'web-kill'", 14, 23 },
        { "probe and max echoed as written", CatalogueText.With("    system: web", "    system: web\n    probe_interval: 60s\n    max_duration: 1m"), "probe_interval 60s of scenario 'web-kill' is not less than its max_duration 1m. Fix: make probe_interval shorter than max_duration 1m", 12, 21 },
        { "wait echoed as written", CatalogueText.With("start: {}", "wait: 120m"), "is 120m, not less than max_duration 2h of defaults: the drill would always abort before the wait ends. Fix: wait less than 2h,", 13, 23 },
        { "wait against the defaults' max_duration as written", CatalogueText.With("version: 1\n", "version: 1\ndefaults: { max_duration: 90m }\n").Replace("start: {}", "wait: 1h30m", StringComparison.Ordinal), "is 1h30m, not less than max_duration 90m of defaults", 14, 23 },
        { "wait longer than the default max_duration", CatalogueText.With("start: {}", "wait: 3h"), "is 3h, not less than max_duration 2h of defaults", 13, 23 },
        { "wait mapping as long as max_duration", CatalogueText.With("start: {}", "wait: { duration: 2h }"), "not less than max_duration 2h of defaults", 13, 35 },
    };

    private static string Volume(string volume) =>
        CatalogueText.With("ports: [\"127.0.0.1:18080:80\"] }", $"ports: [\"127.0.0.1:18080:80\"], volumes: [\"{volume}\"] }}");

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_file_reports_the_error_at_the_offending_node(string name, string yaml, string fragment, int line, int column)
    {
        var result = CatalogueText.Load(yaml);

        Assert.Null(result.Catalogue);
        var all = string.Join("\n", result.Errors);
        var error = result.Errors.FirstOrDefault(e => e.ToString().Contains(fragment, StringComparison.Ordinal));
        Assert.True(error is not null, $"{name}: no error contains \"{fragment}\"; got:\n{all}");
        Assert.Equal((CatalogueText.FileName, line, column), (error.Location.File, error.Location.Line, error.Location.Column));
        Assert.False(string.IsNullOrWhiteSpace(error.Fix), $"{name}: the error has no fix");
    }

    [Fact]
    public void Minimal_catalogue_used_by_the_table_is_valid()
    {
        var result = CatalogueText.Load(CatalogueText.Minimal);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void File_with_three_errors_reports_all_three()
    {
        var yaml = CatalogueText.With("version: 1", "version: 3")
            .Replace("security_level: 3", "security_level: 9", StringComparison.Ordinal)
            .Replace("kill: {}", "kil: {}", StringComparison.Ordinal);

        var result = CatalogueText.Load(yaml);

        Assert.Null(result.Catalogue);
        Assert.Collection(result.Errors,
            e => Assert.Contains("Format version '3'", e.Message, StringComparison.Ordinal),
            e => Assert.Contains("security_level", e.Message, StringComparison.Ordinal),
            e => Assert.Contains("Unknown step kind 'kil'", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_step_kind_suggests_the_nearest_kind()
    {
        var result = CatalogueText.Load(CatalogueText.With("start: {}", "restor-backup: latest"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("did you mean 'restore-backup'?", error.Fix);
    }

    [Fact]
    public void Unknown_key_far_from_every_known_key_lists_the_allowed_keys()
    {
        var result = CatalogueText.Load(M + "whatever: 1\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal("use one of: version, defaults, levels, systems, scenarios, calendars", error.Fix);
    }

    [Fact]
    public void Every_duplicate_key_is_reported_not_only_the_first()
    {
        var yaml = CatalogueText.With("    title: Web", "    title: Web\n    title: Web")
            .Replace("    title: Kill", "    title: Kill\n    title: Kill", StringComparison.Ordinal);

        var result = CatalogueText.Load(yaml);

        Assert.Equal(2, result.Errors.Count(e => e.Message.StartsWith("Duplicate key 'title'", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"just text\"")]
    [InlineData("- a\n- b")]
    [InlineData("~")]
    public void Wrong_root_shape_is_an_error_not_an_exception(string yaml)
    {
        var result = CatalogueText.Load(yaml);

        Assert.Null(result.Catalogue);
        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void Empty_file_is_one_error()
    {
        var error = Assert.Single(CatalogueText.Load("# nothing yet\n").Errors);

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }
}
