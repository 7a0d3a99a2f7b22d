using System.Text.Encodings.Web;
using System.Text.Json;

namespace Drills.Reports.Index;

/// <summary><c>drills index --json</c>: one object, <c>{"systems":[...]}</c>, rows in the index's order.</summary>
internal static class IndexJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Printed to terminals and scripts, never into HTML: Vietnamese titles stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(CioIndex index) =>
        JsonSerializer.Serialize(new { systems = index.Rows.Select(IndexFields.Of) }, Options);
}
