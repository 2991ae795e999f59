using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Data.Entities;

/// <summary>A business number the product exists to move, with its target band: on target at or better than
/// <see cref="Target"/>, at risk within <see cref="Tolerance"/> on the worse side, off target beyond it.</summary>
public sealed class Kpi
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Shown after values, e.g. "rentals" or "cost units".</summary>
    public string Unit { get; set; } = "";
    public KpiDirection Direction { get; set; }
    public double Target { get; set; }
    /// <summary>Half-width of the target band, in the KPI's unit (≥ 0).</summary>
    public double Tolerance { get; set; }
    public KpiPeriod Period { get; set; }
    public KpiSource Source { get; set; }
    /// <summary>Source <see cref="KpiSource.BatchColumn"/>: how the column is aggregated per period.</summary>
    public KpiAggregate? Aggregate { get; set; }
    /// <summary>Source <see cref="KpiSource.BatchColumn"/>: a schema column (a feature, or the label once labels
    /// arrive) or "prediction" for the model's output.</summary>
    public string? Column { get; set; }
    /// <summary>Source <see cref="KpiSource.MisclassificationCost"/>: cost of a negative predicted positive.</summary>
    public double? CostFalsePositive { get; set; }
    /// <summary>Source <see cref="KpiSource.MisclassificationCost"/>: cost of a positive predicted negative.</summary>
    public double? CostFalseNegative { get; set; }
    /// <summary>Consecutive off-target periods that make a sustained run (business-drift rule); default 3.</summary>
    public int RunLength { get; set; } = 3;
    public string Owner { get; set; } = "";
    /// <summary>The classified finding of the sustained run as the KPI was last judged (after each batch, label upload,
    /// re-audit or value upload), or null. Pages reuse it while the run they judge has the same periods, so they do not
    /// read the audit of every batch in a long run; anything that changes that audit without judging the KPI again
    /// (a gate rule edited or deleted, the definition edited) clears it.</summary>
    public BusinessDriftFinding? Finding { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
