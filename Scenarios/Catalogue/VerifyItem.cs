using Drills.Scenarios.Checks;
using Drills.Scenarios.Text;

namespace Drills.Scenarios.Catalogue;

/// <summary>One item of a scenario's <c>verify</c> list.</summary>
internal abstract record VerifyItem(SourceLocation Location);

/// <summary>The system's steady-state checks, all of them.</summary>
internal sealed record SystemChecksItem(SourceLocation Location) : VerifyItem(Location);

/// <summary>The data paths' SHA-256 manifest equals the one taken at baseline.</summary>
internal sealed record IntegrityItem(SourceLocation Location) : VerifyItem(Location);

/// <summary>A check written inline in the verify list.</summary>
internal sealed record InlineCheckItem(CheckDefinition Check) : VerifyItem(Check.Location);
