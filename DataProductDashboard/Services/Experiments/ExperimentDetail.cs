using DataProductDashboard.Analysis.Experiments;

namespace DataProductDashboard.Services.Experiments;

/// <summary>An experiment for its page: the summary, and each arm's estimate of every metric with its own confidence
/// interval (for the chart of per-arm estimates).</summary>
public sealed record ExperimentDetail(ExperimentSummary Summary, IReadOnlyList<ArmEstimate> Estimates);
