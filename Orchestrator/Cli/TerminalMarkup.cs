using Drills.Orchestrator.Logging;
using Drills.Scenarios.Text;
using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary>
/// Every piece of text the commands put into Spectre markup: it may hold what a container wrote (a journal
/// detail, an error from the target), so its markup is escaped and its control characters neutralised.
/// </summary>
internal static class TerminalMarkup
{
    public static string Escape(string text) => Markup.Escape(TerminalText.Neutralise(Secrets.Redact(text)));
}
