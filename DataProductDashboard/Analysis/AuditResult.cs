using DataProductDashboard.Analysis.DataQuality;
using System.Text.Json.Serialization;
using DataProductDashboard.Analysis.Drift;

namespace DataProductDashboard.Analysis;

/// <summary>The production audit of one batch against its model version's reference, and the reference and current
/// distribution of each tested column (stored apart from the audit's own JSON, for the drift page's overlay chart).</summary>
public sealed record AuditResult(DataQualityResult Quality, DatasetDriftResult Drift,
    [property: JsonIgnore] IReadOnlyList<ColumnDistribution>? Distributions = null);
