using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Evidence;

/// <summary>What verifying a bundle (or a run's evidence folder) found. Intact when nothing was found.</summary>
/// <param name="RunId">The run the manifest names, when it could be read.</param>
/// <param name="Signature">The signature check, when the manifest and its signature were there to check.</param>
/// <param name="Head">Where journal.jsonl's chain ends, as read.</param>
internal sealed record VerifyReport(string? RunId, IReadOnlyList<VerifyFinding> Findings, SignatureCheck? Signature, ChainHead? Head)
{
    public bool Intact => Findings.Count == 0;

    /// <summary>Members named by a finding, in the order first named.</summary>
    public IReadOnlyList<string> FailingMembers => Findings.Select(f => f.Member).Distinct(StringComparer.Ordinal).ToArray();
}
