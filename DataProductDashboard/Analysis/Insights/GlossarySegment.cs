namespace DataProductDashboard.Analysis.Insights;

/// <summary>A piece of a sentence: plain text, or a glossary term with its explanation.</summary>
public sealed record GlossarySegment(string Text, string? Explanation);
