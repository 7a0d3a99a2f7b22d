using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace Drills.Orchestrator.Evidence;

/// <summary>
/// Asks an RFC 3161 time-stamp authority to timestamp a signature value (application/timestamp-query over HTTP)
/// and checks its reply before the token is kept: right status, the imprint and nonce of this request, a token
/// whose own signature holds.
/// </summary>
internal static class TimestampClient
{
    /// <summary>id-aa-timeStampToken, the unsigned attribute of a SignerInfo that carries the token.</summary>
    public const string TimestampTokenOid = "1.2.840.113549.1.9.16.2.14";

    /// <summary>How long the authority may take to answer; a public TSA answers in well under a second.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A reply is a few kilobytes; anything this large is not one.</summary>
    private const int MaxReplyBytes = 1 << 20;

    // One client for the process: its connections are pooled, and the timeout is the drill clock's, not its own.
    private static readonly HttpClient Http = new() { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    /// <summary>The DER timestamp token (a CMS SignedData) over the signer's signature value.</summary>
    /// <exception cref="TimestampFailedException">Unreachable, too slow, an error status, or a reply that is not a valid token for this request.</exception>
    public static async Task<byte[]> RequestAsync(SignerInfo signerInfo, Uri authority, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = Rfc3161TimestampRequest.CreateFromSignerInfo(signerInfo, HashAlgorithmName.SHA256,
            requestSignerCertificates: true, nonce: RandomNumberGenerator.GetBytes(8));
        var reply = await PostAsync(request.Encode(), authority, clock, cancellationToken);

        Rfc3161TimestampToken token;
        try
        {
            token = request.ProcessResponse(reply, out _);
        }
        catch (CryptographicException ex)
        {
            throw new TimestampFailedException(authority,
                $"The time-stamp authority {authority} did not answer with a valid timestamp for this signature ({ex.Message})", ex);
        }

        if (!token.VerifySignatureForSignerInfo(signerInfo, out _))
        {
            throw new TimestampFailedException(authority,
                $"The time-stamp authority {authority} answered with a timestamp token whose own signature does not hold");
        }

        return token.AsSignedCms().Encode();
    }

    private static async Task<byte[]> PostAsync(byte[] query, Uri authority, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, authority) { Content = new ByteArrayContent(query) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        // One query per signed run: a pooled connection would only go stale between runs.
        request.Headers.ConnectionClose = true;
        try
        {
            using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new TimestampFailedException(authority,
                    $"The time-stamp authority {authority} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            return await ReadLimitedAsync(response.Content, authority, linked.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimestampFailedException(authority,
                $"The time-stamp authority {authority} did not answer within {Timeout.TotalSeconds:0} seconds", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TimestampFailedException(authority, $"The time-stamp authority {authority} cannot be reached: {ex.Message}", ex);
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, Uri authority, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxReplyBytes)
            {
                throw new TimestampFailedException(authority,
                    $"The time-stamp authority {authority} answered with more than {MaxReplyBytes / 1024} KiB, which is no timestamp reply");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
