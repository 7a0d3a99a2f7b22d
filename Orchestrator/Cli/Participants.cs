using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Cli;

/// <summary>Names given with <c>--participant</c>: printable, not blank, bounded, each once.</summary>
internal static class Participants
{
    private const int MaxLength = 200;

    public static IReadOnlyList<string> Read(string[]? names)
    {
        var read = new List<string>();
        foreach (var raw in names ?? [])
        {
            var name = raw.Trim();
            if (name.Length == 0 || name.Length > MaxLength || name.Any(char.IsControl))
            {
                throw new CliException(
                    ExitCodes.BadInput,
                    $"--participant '{raw}' is not a name: it must be 1 to {MaxLength} printable characters.",
                    "give each person as --participant \"Nguyễn Văn A (ATTT)\"");
            }

            if (!read.Contains(name, StringComparer.Ordinal))
            {
                read.Add(name);
            }
        }

        return read;
    }
}
