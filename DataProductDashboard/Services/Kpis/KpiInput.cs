using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Kpis;

/// <summary>A KPI definition as the editor and the API send it. <see cref="Aggregate"/> and <see cref="Column"/> apply to
/// <see cref="KpiSource.BatchColumn"/>, the two costs to <see cref="KpiSource.MisclassificationCost"/>; they are
/// dropped for other sources.</summary>
public sealed record KpiInput(
    string Name,
    KpiDirection Direction,
    double Target,
    double Tolerance,
    KpiPeriod Period,
    KpiSource Source,
    KpiAggregate? Aggregate = null,
    string? Column = null,
    double? CostFalsePositive = null,
    double? CostFalseNegative = null,
    int RunLength = 3,
    string? Unit = null,
    string? Description = null,
    string? Owner = null);
