using System.Text;

namespace Drills.Orchestrator.Evidence;

/// <summary>
/// VERIFY.txt: how to check a bundle with drills, and with unzip, openssl and sha256sum alone (Vietnamese and
/// English). It depends on the run id only, is written with the evidence and is one of the manifest's subjects.
/// </summary>
internal static class VerifyText
{
    public static byte[] For(string runId) => new UTF8Encoding(false).GetBytes(Text(runId).ReplaceLineEndings("\n"));

    private static string Text(string runId) => $$$"""
        Bằng chứng diễn tập drills / drills drill evidence — run {{{runId}}}

        Chữ ký chứng minh gì / What the signature proves:
          Chữ ký chứng minh manifest.json được ký bởi người giữ khóa của chứng thư trong manifest.p7s và không bị
          thay đổi kể từ đó; manifest ghi mã SHA-256 của từng tệp và điểm cuối của chuỗi băm nhật ký, nên mọi thay
          đổi ở bất kỳ tệp nào đều bị phát hiện. Chữ ký KHÔNG chứng minh cuộc diễn tập đúng như mô tả, cũng không
          chứng minh ai là người ký nếu chỉ tin signer.pem đi kèm: hãy kiểm tra với CA của cơ quan (chứng thư số
          của tổ chức cung cấp dịch vụ chứng thực chữ ký số được cấp phép) nếu có.
          The signature proves that manifest.json was signed by the holder of the key of the certificate in
          manifest.p7s and has not changed since; the manifest holds the SHA-256 of every file and the end of the
          journal's hash chain, so a change to any file is detected. It does NOT prove the drill happened as
          described, nor who signed when you trust only the enclosed signer.pem (a self-signed certificate proves
          integrity, not identity): check against the agency's CA (a licensed signature provider) when there is one.
          Thời điểm ký chỉ được chứng thực khi có dấu thời gian RFC 3161 / The signing time is vouched for only by
          an RFC 3161 timestamp, when present.

        1. Bằng drills / With drills (offline):
             drills verify {{{EvidenceFiles.BundleName(runId)}}}
             drills verify {{{EvidenceFiles.BundleName(runId)}}} --ca agency-ca.pem     (chứng thư cơ quan / agency certificate)
           Mã thoát 0 = nguyên vẹn; 1 = nêu từng tệp và số sự kiện nhật ký bị thay đổi.
           Exit 0 = intact; 1 = names each changed file and journal event number.

        2. Chỉ bằng công cụ chuẩn / With standard tools only:
             unzip {{{EvidenceFiles.BundleName(runId)}}} -d evidence && cd evidence

           a) Chữ ký / Signature (thay signer.pem bằng CA của cơ quan nếu có / use the agency's CA instead if any):
             openssl cms -verify -binary -inform DER -in manifest.p7s -content manifest.json -CAfile signer.pem -purpose any -out /dev/null

           b) Mã băm các tệp / File digests (the manifest's subjects):
             awk -F'"' '/"predicateType"/{exit} /"name"/{n=$4} /"sha256"/{print $4"  "n}' manifest.json | sha256sum -c

           c) Chuỗi băm nhật ký / Journal hash chain:
             Mỗi dòng của journal.jsonl là dạng chuẩn của một sự kiện (JSON gọn, khóa theo thứ tự seq, mark, ts,
             elapsed, message, detail, prev) cộng khóa cuối "hash". Bỏ ,"hash":"..." rồi băm SHA-256 phần còn lại
             (UTF-8, không xuống dòng): phải bằng "hash"; "prev" phải bằng "hash" của dòng trước (64 số 0 ở dòng
             đầu); "hash" của dòng cuối phải bằng predicate.journal.head trong manifest.json.
             Each line of journal.jsonl is an event's canonical form (compact JSON, keys in the order seq, mark, ts,
             elapsed, message, detail, prev) plus a last key "hash". Remove ,"hash":"..." and SHA-256 the rest
             (UTF-8, no newline): it must equal "hash"; "prev" must equal the line before's "hash" (64 zeros on the
             first line); the last line's "hash" must equal predicate.journal.head in manifest.json.

             prev=0000000000000000000000000000000000000000000000000000000000000000; n=0
             while IFS= read -r line; do n=$((n+1))
               body="${line%,\"hash\":\"*}}"; hash="${line##*,\"hash\":\"}"; hash="${hash%\"\}}"
               [ "$(printf '%s' "$body" | sha256sum | cut -d' ' -f1)" = "$hash" ] || echo "line $n: edited"
               case "$body" in *"\"prev\":\"$prev\"}") ;; *) echo "line $n: chain broken";; esac
               prev=$hash
             done < journal.jsonl; echo "head: $prev"
        """;
}
