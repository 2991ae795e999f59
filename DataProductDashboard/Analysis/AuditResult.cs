using DataProductDashboard.Analysis.DataQuality;
using DataProductDashboard.Analysis.Drift;

namespace DataProductDashboard.Analysis;

/// <summary>The production audit of one batch against its model version's reference.</summary>
public sealed record AuditResult(DataQualityResult Quality, DatasetDriftResult Drift);
