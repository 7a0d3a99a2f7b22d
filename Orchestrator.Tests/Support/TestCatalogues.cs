using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Checks;
using Drills.Scenarios.Steps;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Tests.Support;

/// <summary>Catalogues built in code, so engine tests do not depend on the YAML loader.</summary>
internal static class TestCatalogues
{
    public const string PortalName = "drills-test-portal";
    public const string IndexPath = "/srv/www/index.html";
    private static readonly SourceLocation Here = SourceLocation.None;

    public static SystemDefinition Portal(TimeSpan? rto = null, int level = 3, string name = PortalName) => new(
        Id: "portal",
        Title: "Test portal",
        Agency: "Test agency",
        SecurityLevel: level,
        RtoTarget: rto ?? TimeSpan.FromHours(4),
        RtoTargetDeclared: rto is not null,
        RpoTarget: null,
        Container: new ContainerSpec("drills/portal:1", name, ["127.0.0.1:18999:8080"], [], new Dictionary<string, string>(), []),
        Checks:
        [
            new HttpCheck("http://127.0.0.1:18999/", 200, "Portal", Here),
            new TcpCheck("127.0.0.1", 18999, Here),
            new ExecCheck(["test", "-s", IndexPath], 0, null, Here),
        ],
        Data: new DataSpec(["/srv/www"]),
        Location: Here);

    public static ScenarioDefinition Scenario(
        IReadOnlyList<StepDefinition> attack,
        IReadOnlyList<StepDefinition> restore,
        TimeSpan? maxDuration = null,
        TimeSpan? probeInterval = null,
        IReadOnlyList<VerifyItem>? verify = null) => new(
        Id: "test-scenario",
        Title: "Test scenario",
        SystemId: "portal",
        Technique: "T1486",
        Schedule: null,
        Blackout: [],
        Attack: attack,
        Restore: restore,
        Verify: verify ?? [new SystemChecksItem(Here), new IntegrityItem(Here)],
        MaxDuration: maxDuration ?? TimeSpan.FromHours(2),
        ProbeInterval: probeInterval ?? TimeSpan.FromSeconds(1),
        Location: Here);

    public static DrillCatalogue With(SystemDefinition system, ScenarioDefinition scenario) => new(
        SourcePath: "test.yaml",
        Sha256: new string('0', 64),
        Defaults: CatalogueDefaults.Product,
        Levels: LevelTargets.Product,
        Systems: new Dictionary<string, SystemDefinition> { [system.Id] = system },
        Scenarios: new Dictionary<string, ScenarioDefinition> { [scenario.Id] = scenario },
        Calendars: new Dictionary<string, CalendarDefinition>());

    public static SourceLocation Nowhere => Here;
}
