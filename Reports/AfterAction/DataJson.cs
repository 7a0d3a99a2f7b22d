using System.Text.Json;
using System.Text.Json.Serialization;

namespace Drills.Reports.AfterAction;

/// <summary>A <c>{ "vi": …, "en": … }</c> pair in the embedded data files.</summary>
internal sealed record BilingualShape(string Vi, string En)
{
    public Bilingual Value => new(Vi, En);
}

/// <summary>How the embedded data files are read: camelCase, comments and a leading "comment" member allowed.</summary>
internal static class DataJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}
