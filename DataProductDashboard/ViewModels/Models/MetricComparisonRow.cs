namespace DataProductDashboard.ViewModels.Models;

/// <summary>One hold-out metric of the champion and a candidate; <see cref="CandidateBetter"/> is 1 when the candidate
/// looks better, -1 when the champion does, null when equal or not comparable.</summary>
public sealed record MetricComparisonRow(string Key, string Name, double? Champion, double? Candidate, int? CandidateBetter);
