namespace DataProductDashboard.Analysis.Insights;

/// <summary>Everything the insight generator reads about one product, gathered from stored results.</summary>
public sealed record ProductFacts(int ProductId, string ProductName, DateTime Now, BatchFacts? LatestBatch, ModelFacts? Model,
    IReadOnlyList<KpiFacts> Kpis, IReadOnlyList<ExperimentFacts> Experiments, MissingBatchFacts? MissingBatch, TimeZoneInfo? Zone = null)
{
    /// <summary>The calendar day of an instant in the product's time zone (UTC without one).</summary>
    public DateTime LocalDay(DateTime utc) =>
        Zone is null || Zone == TimeZoneInfo.Utc ? utc : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
