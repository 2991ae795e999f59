namespace DataProductDashboard.Analysis.Statistics;

/// <summary>Result of <see cref="KolmogorovSmirnov.TwoSample"/>: the statistic D, its two-sided p-value and the method used for the p-value.</summary>
public sealed record KsResult(double Statistic, double PValue, KsMethod Method);
