using System.Security.Cryptography;
using System.Text;
using Drills.Scenarios.Text;

namespace Drills.Scenarios.Loading;

/// <summary>Reads and validates a scenarios.yaml (format version 1).</summary>
internal static class CatalogueLoader
{
    // Strict decoding: a mis-encoded file would otherwise load with garbled titles and no error.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CatalogueLoadResult LoadFile(string path, Func<string, string?>? environment = null)
    {
        byte[]? bytes;
        try
        {
            bytes = ReadAtMost(path, CatalogueLimits.MaxFileBytes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(path, $"Catalogue file '{path}' does not exist.",
                "check the path, or create the file starting with 'version: 1' (see docs/scenario-format.md)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, $"Catalogue file '{path}' could not be read: {e.Message}",
                "check that the path is a file and that the user running drills may read it");
        }

        if (bytes is null)
        {
            return TooLarge(path);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes.AsSpan(Utf8Preamble(bytes)));
        }
        catch (DecoderFallbackException)
        {
            return Failed(path, $"Catalogue file '{path}' is not valid UTF-8 text.", "save the file with UTF-8 encoding");
        }

        return Load(bytes, text, path, environment);
    }

    public static CatalogueLoadResult LoadText(string yaml, string fileName, Func<string, string?>? environment = null)
    {
        // A char is at least one UTF-8 byte, so a text too long in chars is too large without encoding it.
        if (yaml.Length > CatalogueLimits.MaxFileBytes)
        {
            return TooLarge(fileName);
        }

        var bytes = Encoding.UTF8.GetBytes(yaml);
        return bytes.Length > CatalogueLimits.MaxFileBytes ? TooLarge(fileName) : Load(bytes, yaml, fileName, environment);
    }

    /// <summary>The file's bytes, or null when it holds more than <paramref name="max"/>: a 50 MB file (or a
    /// device that never ends) is refused after reading one byte past the limit, never held in memory whole.</summary>
    private static byte[]? ReadAtMost(string path, int max)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new byte[max + 1];
        var read = 0;
        int last;
        while (read < buffer.Length && (last = stream.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += last;
        }

        return read > max ? null : buffer.AsSpan(0, read).ToArray();
    }

    private static CatalogueLoadResult TooLarge(string path) =>
        Failed(path, $"Catalogue file '{path}' is larger than {CatalogueLimits.MaxFileBytes / 1024 / 1024} MiB, the most drills reads.",
            "split it, or remove what a catalogue does not need: a catalogue of hundreds of systems fits in a few hundred KB");

    /// <summary>The hash covers the exact bytes read, so a report can prove which file a drill ran with.</summary>
    private static CatalogueLoadResult Load(byte[] bytes, string text, string fileName, Func<string, string?>? environment)
    {
        var reader = new NodeReader(fileName) { Environment = environment ?? Environment.GetEnvironmentVariable };
        var root = YamlDocumentReader.ReadRoot(reader, text);
        var catalogue = root is null ? null : CatalogueReader.Read(reader, root, Convert.ToHexStringLower(SHA256.HashData(bytes))) is { } read ? read with { Text = text } : null;
        var errors = reader.Errors.OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column).ToList();
        return new CatalogueLoadResult(errors.Count == 0 ? catalogue : null, errors);
    }

    private static int Utf8Preamble(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;

    private static CatalogueLoadResult Failed(string path, string message, string fix) =>
        new(null, [new CatalogueError(new SourceLocation(path, 0, 0), message, fix)]);
}
