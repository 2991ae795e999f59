using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Insights;

/// <summary>One plain-language sentence generated from stored results, with its severity, topic, the time it refers
/// to and links to the evidence.</summary>
public sealed record Insight(InsightSeverity Severity, InsightTopic Topic, string Sentence, IReadOnlyList<InsightLink> Evidence, DateTime? At);
