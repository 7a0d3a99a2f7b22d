using System.CommandLine;
using Drills.Orchestrator.Errors;
using Drills.Reports.AfterAction;

namespace Drills.Orchestrator.Cli;

/// <summary><c>--lang vi|en|both</c>: the languages an after-action report prints; both (Vietnamese first) by default.</summary>
internal static class LanguageOption
{
    public static Option<string?> Create() => new("--lang")
    {
        Description = "Report language: vi, en or both (default both: Vietnamese first, English beside)",
    };

    public static ReportLanguage Read(string? written) => written?.Trim().ToLowerInvariant() switch
    {
        null or "" or "both" => ReportLanguage.Both,
        "vi" => ReportLanguage.Vi,
        "en" => ReportLanguage.En,
        _ => throw new CliException(
            ExitCodes.BadInput,
            $"--lang '{written}' is not a report language.",
            "write --lang vi (Vietnamese only), --lang en (English only) or --lang both (the default)"),
    };
}
