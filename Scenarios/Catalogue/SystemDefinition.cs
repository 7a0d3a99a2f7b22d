using Drills.Scenarios.Checks;
using Drills.Scenarios.Regulation;
using Drills.Scenarios.Text;

namespace Drills.Scenarios.Catalogue;

/// <summary>An agency information system under drill: one container in format v1.</summary>
internal sealed record SystemDefinition(
    string Id,
    string Title,
    string Agency,
    int SecurityLevel,
    TimeSpan RtoTarget,
    bool RtoTargetDeclared,
    TimeSpan? RpoTarget,
    ContainerSpec Container,
    IReadOnlyList<CheckDefinition> Checks,
    DataSpec Data,
    SourceLocation Location)
{
    /// <summary>Where the system's http and tcp checks may connect; loopback only unless it lists check_hosts.</summary>
    public CheckReach CheckReach { get; init; } = CheckReach.LoopbackOnly;

    /// <summary>The commands that bring the data to rest around the baseline snapshot; null: the snapshot is a copy of live data.</summary>
    public QuiesceSpec? Quiesce { get; init; }

    /// <summary>Who owns the system (chủ quản), the default owner of its corrective actions; null when not written.</summary>
    public string? Owner { get; init; }

    /// <summary>The decision that approved the system's security level, if the catalogue cites one.</summary>
    public ApprovalReference? Approval { get; init; }

    /// <summary>What the system's security level asks (target, cadences) as configured in this catalogue.</summary>
    public LevelPolicy Level { get; init; } = LevelTargets.Product.PolicyFor(LevelTargets.MinLevel);

    /// <summary>A user-defined Docker network the container joins (drills creates it, labelled for the system); null: the engine's default.</summary>
    public string? Network { get; init; }

    /// <summary>The agency's backup of the system; null: restore-backup latest means the drill's own baseline snapshot.</summary>
    public BackupSpec? Backup { get; init; }

    /// <summary>Marker records that measure data loss; null: data loss is not measured.</summary>
    public CanarySpec? Canary { get; init; }
}

/// <summary>How the orchestrator creates (and re-creates) the system's container.</summary>
internal sealed record ContainerSpec(
    string Image,
    string Name,
    IReadOnlyList<string> Ports,
    IReadOnlyList<string> Volumes,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyList<string> Command)
{
    /// <summary>Names in <see cref="Env"/> whose values are secrets read from drills' environment: passed to the container, shown nowhere.</summary>
    public IReadOnlySet<string> SecretEnv { get; init; } = new HashSet<string>();
}

/// <summary>What backups and the integrity manifest cover.</summary>
internal sealed record DataSpec(IReadOnlyList<string> Paths)
{
    public static DataSpec Empty { get; } = new(Array.Empty<string>());
}
