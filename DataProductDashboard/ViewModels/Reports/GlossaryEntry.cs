namespace DataProductDashboard.ViewModels.Reports;

/// <summary>A term of a report's glossary and its plain-language definition.</summary>
public sealed record GlossaryEntry(string Term, string Definition);
