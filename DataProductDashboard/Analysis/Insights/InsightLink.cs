namespace DataProductDashboard.Analysis.Insights;

/// <summary>An in-app link to the evidence behind an insight (a batch, a chart, a gate history).</summary>
public sealed record InsightLink(string Label, string Href);
