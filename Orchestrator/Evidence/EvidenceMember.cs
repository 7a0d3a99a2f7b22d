namespace Drills.Orchestrator.Evidence;

/// <summary>One file of a bundle or an evidence folder, read whole (bundles are bounded: see <see cref="EvidenceBundle"/>).</summary>
internal sealed record EvidenceMember(string Name, byte[] Content);
