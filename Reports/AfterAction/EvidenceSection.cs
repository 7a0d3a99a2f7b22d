using System.Globalization;
using Drills.Reports.Formatting;
using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

internal sealed record EvidenceView(
    bool IsFinal,
    HtmlText ChainHead,
    HtmlText JournalEvents,
    HtmlText SignerSubject,
    HtmlText SignerFingerprint,
    BiText CertificateKind,
    bool HasTimestamp,
    HtmlText TimestampLocal,
    HtmlText TimestampUtc,
    HtmlText CatalogueSha256,
    BiText ImageDigest,
    HtmlText RunId,
    HtmlText BundleName);

/// <summary>The evidence annex: what the signed record holds and how to check it offline, or how to sign a draft.</summary>
internal static class EvidenceSection
{
    public static EvidenceView Build(RunRecord run, EvidenceFacts? evidence, ZonedTime time) => new(
        evidence is not null,
        HtmlText.Encode(evidence?.ChainHead),
        HtmlText.Encode((evidence?.JournalEvents ?? run.Journal.Count).ToString(CultureInfo.InvariantCulture)),
        HtmlText.Encode(evidence?.SignerSubject),
        HtmlText.Encode(evidence?.SignerFingerprintSha256),
        BiText.Of(evidence switch
        {
            null => Bilingual.Same(""),
            { SelfSigned: true } => new("Chứng thư tự ký của drills trên máy này (không do tổ chức cung cấp dịch vụ chứng thực chữ ký số cấp)",
                "drills' self-signed certificate on this host (not issued by a licensed digital-signature provider)"),
            _ => new("Chứng thư số của cơ quan (tệp .p12 được chỉ định)", "The agency's own certificate (the .p12 given)"),
        }),
        evidence?.TimestampUtc is not null,
        HtmlText.Encode(evidence?.TimestampUtc is { } at ? time.DateTime(at) : null),
        HtmlText.Encode(evidence?.TimestampUtc is { } atUtc ? ZonedTime.Utc(atUtc) : null),
        HtmlText.Encode(run.CatalogueSha256),
        string.IsNullOrWhiteSpace(run.ImageDigest) ? BiText.Of(Labels.NotRecorded) : BiText.Same(run.ImageDigest),
        HtmlText.Encode(run.RunId),
        HtmlText.Encode($"drills-evidence-{run.RunId}.zip"));
}
