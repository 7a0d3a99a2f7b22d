using System.Text;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Checks;

/// <summary>
/// An HTTP body read up to <see cref="OutputCut.MaxKeptBytes"/>. The rest is not read: the probe's
/// connection is closed with the response, so the server is never left blocked on a full socket.
/// </summary>
internal readonly record struct BoundedBody(string Text, string CutNote)
{
    public static async Task<BoundedBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var kept = new byte[OutputCut.MaxKeptBytes + 1];
        var read = 0;
        int last;
        while (read < kept.Length && (last = await stream.ReadAsync(kept.AsMemory(read), cancellationToken)) > 0)
        {
            read += last;
        }

        if (read <= OutputCut.MaxKeptBytes)
        {
            return new BoundedBody(Encoding.UTF8.GetString(kept, 0, read), "");
        }

        var total = content.Headers.ContentLength;
        return new BoundedBody(Encoding.UTF8.GetString(kept, 0, OutputCut.MaxKeptBytes), " " + OutputCut.Note(OutputCut.MaxKeptBytes, total));
    }
}
