namespace DataProductDashboard.Analysis.Insights;

/// <summary>An open missing-batch alert: no batch since <paramref name="LastBatchAt"/> although one is expected every
/// <paramref name="ExpectedCadenceHours"/>.</summary>
public sealed record MissingBatchFacts(DateTime LastBatchAt, double ExpectedCadenceHours, string Link);
