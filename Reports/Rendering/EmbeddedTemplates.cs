using System.Text;

namespace Drills.Reports.Rendering;

/// <summary>Reads the files under Templates/, which the project embeds as Drills.Reports.Templates.&lt;file&gt;.</summary>
internal static class EmbeddedTemplates
{
    private const string Prefix = "Drills.Reports.Templates.";

    public static string Read(string fileName)
    {
        var name = Prefix + fileName;
        using var stream = typeof(EmbeddedTemplates).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(
                $"Embedded template '{name}' is missing; check the EmbeddedResource items in Reports.csproj.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
