using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Support;

/// <summary>Runs an action on each journal event as the engine records it (synchronously, on the engine's thread).</summary>
internal sealed class InlineProgress(Action<JournalEvent> action) : IProgress<JournalEvent>
{
    public void Report(JournalEvent value) => action(value);
}
