namespace DataProductDashboard.Analysis.Metrics;

/// <summary>Precision, recall, F1 and support of one class (0 where a ratio would divide by zero).</summary>
public sealed record ClassMetrics(string Class, double Precision, double Recall, double F1, long Support);
