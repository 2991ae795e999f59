namespace DataProductDashboard.Analysis;

/// <summary>A default quality gate a check proposes (the product manager adopts or tunes it): the metric must satisfy
/// <see cref="Condition"/> against <see cref="Threshold"/>, else <see cref="Severity"/>.</summary>
public sealed record ProposedGate(string MetricKey, string? Column, string Condition, double Threshold, string Severity, string Reason);
