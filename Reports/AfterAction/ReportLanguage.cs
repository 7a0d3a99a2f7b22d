namespace Drills.Reports.AfterAction;

/// <summary>Which languages a report prints (<c>--lang vi|en|both</c>); both by default, Vietnamese first.</summary>
internal enum ReportLanguage
{
    Both,
    Vi,
    En,
}
