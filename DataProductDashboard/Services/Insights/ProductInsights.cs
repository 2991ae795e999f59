using DataProductDashboard.Analysis.Insights;

namespace DataProductDashboard.Services.Insights;

/// <summary>The insights of one product, most severe first, as generated at <paramref name="GeneratedAt"/>.</summary>
public sealed record ProductInsights(int ProductId, string ProductName, DateTime GeneratedAt, IReadOnlyList<Insight> Insights);
