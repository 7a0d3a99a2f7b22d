namespace Drills.Reports.AfterAction;

/// <summary>
/// What the evidence annex states about a run's signed evidence: the journal's chain head, who signs and
/// with which certificate. Null in <see cref="ReportContext.Evidence"/> while the run is not (yet) signed:
/// the report is then a draft.
/// </summary>
internal sealed record EvidenceFacts(
    string ChainHead,
    int JournalEvents,
    string SignerSubject,
    string SignerFingerprintSha256,
    bool SelfSigned,
    DateTimeOffset? TimestampUtc = null);
