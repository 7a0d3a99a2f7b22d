using Drills.Scenarios.Text;

namespace Drills.Scenarios.Steps;

/// <summary>Which list a step may appear in. Some kinds (exec) are allowed in both.</summary>
[Flags]
internal enum StepPhases
{
    None = 0,
    Attack = 1,
    Restore = 2,
    Both = Attack | Restore,
}

/// <summary>One step of a scenario's attack or restore list, as written in the file.</summary>
internal abstract record StepDefinition(SourceLocation Location)
{
    /// <summary>The step's key in the file (<c>kill</c>, <c>encrypt-files</c>, …).</summary>
    public abstract string Kind { get; }

    /// <summary>Short human form for progress output, journals and reports.</summary>
    public virtual string Describe() => Kind;
}
