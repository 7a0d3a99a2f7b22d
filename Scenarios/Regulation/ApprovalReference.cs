namespace Drills.Scenarios.Regulation;

/// <summary>The decision that approved a system's security level (quyết định phê duyệt cấp độ), as the catalogue cites it.</summary>
internal sealed record ApprovalReference(string Decision, DateOnly? Date);
