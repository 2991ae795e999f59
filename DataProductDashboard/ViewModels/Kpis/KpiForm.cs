using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;

namespace DataProductDashboard.ViewModels.Kpis;

/// <summary>The KPI editor's state. It only turns the fields into a <see cref="KpiInput"/>; whether the KPI is valid is
/// the service's call, whose errors the editor shows under the matching field.</summary>
public sealed class KpiForm
{
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public string? Description { get; set; }
    public KpiDirection Direction { get; set; } = KpiDirection.HigherIsBetter;
    public double? Target { get; set; }
    public double? Tolerance { get; set; } = 0;
    public KpiPeriod Period { get; set; } = KpiPeriod.Week;
    public KpiSource Source { get; set; } = KpiSource.Uploaded;
    public KpiAggregate Aggregate { get; set; } = KpiAggregate.Sum;
    public string? Column { get; set; }
    public double? CostFalsePositive { get; set; } = 1;
    public double? CostFalseNegative { get; set; } = 1;
    public int RunLength { get; set; } = BusinessDriftRule.DefaultRunLength;
    public string? Owner { get; set; }

    public static KpiForm From(KpiDefinition kpi) => new()
    {
        Name = kpi.Name, Unit = kpi.Unit, Description = kpi.Description, Direction = kpi.Direction, Target = kpi.Target, Tolerance = kpi.Tolerance,
        Period = kpi.Period, Source = kpi.Source, Aggregate = kpi.Aggregate ?? KpiAggregate.Sum, Column = kpi.Column,
        CostFalsePositive = kpi.CostFalsePositive ?? 1, CostFalseNegative = kpi.CostFalseNegative ?? 1, RunLength = kpi.RunLength, Owner = kpi.Owner,
    };

    /// <summary>What is missing before the KPI can be saved, keyed by the service's field names.</summary>
    public Dictionary<string, string> Missing()
    {
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Name))
            missing["name"] = "A name is required, e.g. “Daily rentals”.";
        if (Target is null)
            missing["target"] = "A target is required.";
        if (Tolerance is null)
            missing["tolerance"] = "A tolerance is required (0 for none).";
        if (Source == KpiSource.BatchColumn && string.IsNullOrWhiteSpace(Column))
            missing["column"] = "Choose the column to aggregate.";
        return missing;
    }

    public KpiInput ToInput() => new(Name?.Trim() ?? "", Direction, Target ?? 0, Tolerance ?? 0, Period, Source,
        Source == KpiSource.BatchColumn ? Aggregate : null, Source == KpiSource.BatchColumn ? Column : null,
        Source == KpiSource.MisclassificationCost ? CostFalsePositive : null, Source == KpiSource.MisclassificationCost ? CostFalseNegative : null,
        RunLength, Unit, Description, Owner);
}
