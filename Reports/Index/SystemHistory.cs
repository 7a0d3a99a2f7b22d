using Drills.Scenarios.RunRecords;

namespace Drills.Reports.Index;

/// <summary>What the run store holds about one system, as much as the index needs.</summary>
/// <param name="Drills">Every stored drill of the system (see <see cref="DrillDigest.IsDrill"/>): skips and runs that attacked nothing excluded.</param>
/// <param name="Passed">How many of them passed.</param>
/// <param name="Recent">The latest drills, newest first, as many as asked for.</param>
/// <param name="Latest">The latest stored run of any outcome, without its journal: names a system the catalogue no longer holds.</param>
internal sealed record SystemHistory(string SystemId, int Drills, int Passed, IReadOnlyList<DrillDigest> Recent, RunRecord Latest);
