using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Kpis;

/// <summary>A KPI's definition as pages and the API show it.</summary>
public sealed record KpiDefinition(
    int Id,
    int ProductId,
    string Name,
    string Description,
    string Unit,
    KpiDirection Direction,
    double Target,
    double Tolerance,
    KpiPeriod Period,
    KpiSource Source,
    KpiAggregate? Aggregate,
    string? Column,
    double? CostFalsePositive,
    double? CostFalseNegative,
    int RunLength,
    string Owner,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>The KPI is computed from what the batches carry (not uploaded).</summary>
    public bool IsComputed => Source != KpiSource.Uploaded;

    public KpiInput ToInput() => new(Name, Direction, Target, Tolerance, Period, Source, Aggregate, Column, CostFalsePositive, CostFalseNegative,
        RunLength, Unit, Description, Owner);
}
