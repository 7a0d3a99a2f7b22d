using System.Globalization;
using System.Text.Json;

namespace Drills.Bench.Serving;

/// <summary>The events of drills' compact JSON log (logs/drills-*.clef) in a data directory: its timestamps are to the tick.</summary>
internal static class ClefEvents
{
    /// <summary>Every event whose message template holds <paramref name="template"/>, in the order written.</summary>
    public static List<JsonElement> Read(string dataDir, string template)
    {
        var folder = Path.Combine(dataDir, "logs");
        List<JsonElement> events = [];
        if (!Directory.Exists(folder))
        {
            return events;
        }

        foreach (var file in Directory.GetFiles(folder, "drills-*.clef").Order(StringComparer.Ordinal))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Contains(template, StringComparison.Ordinal))
                {
                    using var document = JsonDocument.Parse(line);
                    events.Add(document.RootElement.Clone());
                }
            }
        }

        return events;
    }

    public static DateTimeOffset Time(JsonElement e) => DateTimeOffset.Parse(e.GetProperty("@t").GetString()!, CultureInfo.InvariantCulture);

    public static DateTimeOffset TimeOf(JsonElement e, string property) => DateTimeOffset.Parse(e.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);
}
