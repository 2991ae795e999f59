using DataProductDashboard.Domain;

namespace DataProductDashboard.Data.Entities;

/// <summary>One observation of a KPI for one period. Uploaded KPIs: the period's value (one per period and arm;
/// a new upload replaces it), <see cref="Weight"/> 1. Computed KPIs: one batch's contribution to the period — the sum
/// of its row values in <see cref="Value"/> and the number of rows in <see cref="Weight"/> — so that sums, means and
/// counts combine across batches. Tagged with the model version and A/B arm that produced it, when known.
/// A computed row with <see cref="Weight"/> 0 (and <see cref="Value"/> 0) is a pending marker: rows of that batch and
/// period wait for their labels (label-based KPIs), so the period is not complete yet and counts nothing
/// (see <c>Analysis/Kpi/KpiSeries</c>).</summary>
public sealed class KpiValue
{
    public long Id { get; set; }
    public int KpiId { get; set; }
    /// <summary>UTC start of the day, ISO week (Monday) or month.</summary>
    public DateTime PeriodStart { get; set; }
    public double Value { get; set; }
    public double Weight { get; set; } = 1;
    public int? BatchId { get; set; }
    public int? ModelVersionId { get; set; }
    public ExperimentArm? Arm { get; set; }
    public DateTime RecordedAt { get; set; }
}
