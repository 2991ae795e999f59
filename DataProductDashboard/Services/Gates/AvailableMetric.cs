using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Gates;

/// <summary>A metric a product actually has, with its newest value (null when not measured yet, e.g. no labels).</summary>
public sealed record AvailableMetric(string Key, string Name, MetricFamily Family, GateScope Scope, string? Column, double? Value, DateTime? At,
    string Unit, string Explanation, bool? LowerIsBetter);
