using System.Globalization;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Gates;

/// <summary>The sensible default gates each metric proposes, given the metrics a product actually has: no missing
/// values in required columns, dataset drift share below 0.5, performance within 5 % of hold-out, p95 latency under a
/// limit drawn from what the model does today, and release gates against the champion.</summary>
public static class DefaultGates
{
    public static IReadOnlyList<ProposedGate> For(ProductSchema schema, TaskType task, IReadOnlyDictionary<MetricAddress, double> latest)
    {
        var gates = new List<ProposedGate>();
        bool Has(string key, string? column = null) => latest.ContainsKey(new MetricAddress(key, column));
        void Add(GateScope scope, string key, string? column, GateCondition condition, double threshold, GateSeverity severity, string reason,
            double? upper = null, RelativeBound bound = RelativeBound.NotBelow, ToleranceUnit unit = ToleranceUnit.Percent) =>
            gates.Add(new(new GateRuleSpec(scope, key, column, null, condition, threshold, upper, bound, unit, severity), reason));

        // The parts of a composed event time (year, month, day…) leave the training range and drift by construction as
        // time goes on: no range or drift gate is proposed for them.
        var timeParts = schema.EventTime?.ComposedOf?.ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var column in schema.Features)
        {
            if (!Has(AuditPoints.ColumnMissingShare, column.Name))
                continue;
            if (column.Nullable)
            {
                // Not below what the data already has (census data: 5.6 % of 'workclass' is '?'), or every batch would warn.
                var usual = latest[new MetricAddress(AuditPoints.ColumnMissingShare, column.Name)];
                var limit = usual * 1.5 > 0.05 ? Math.Min(1, NiceCeiling(usual * 1.5)) : 0.05;
                Add(GateScope.Batch, AuditPoints.ColumnMissingShare, column.Name, GateCondition.Lte, limit, GateSeverity.Warning,
                    $"At most {(limit * 100).ToString("0.#", CultureInfo.InvariantCulture)} % of '{column.Name}' missing (the column may be empty"
                    + (limit > 0.05 ? $"; {(usual * 100).ToString("0.#", CultureInfo.InvariantCulture)} % is missing now)." : ")."));
            }
            else
                Add(GateScope.Batch, AuditPoints.ColumnMissingShare, column.Name, GateCondition.Eq, 0, GateSeverity.Critical, $"'{column.Name}' is required: no value may be missing.");
            if (column.Kind == ColumnKind.Categorical && Has(AuditPoints.ColumnUnseenShare, column.Name))
                Add(GateScope.Batch, AuditPoints.ColumnUnseenShare, column.Name, GateCondition.Lte, 0.05, GateSeverity.Warning, $"At most 5 % of '{column.Name}' in categories the model never saw.");
            if (column.Kind == ColumnKind.Numeric && Has(AuditPoints.ColumnOutOfRangeShare, column.Name) && !timeParts.Contains(column.Name))
                Add(GateScope.Batch, AuditPoints.ColumnOutOfRangeShare, column.Name, GateCondition.Lte, 0.01, GateSeverity.Warning, $"At most 1 % of '{column.Name}' outside the training range.");
        }
        if (Has(AuditPoints.DuplicateRowKeys))
            Add(GateScope.Batch, AuditPoints.DuplicateRowKeys, null, GateCondition.Eq, 0, GateSeverity.Critical, "Row keys are unique (labels join by row key).");
        if (Has(AuditPoints.VolumeRatio))
            Add(GateScope.Batch, AuditPoints.VolumeRatio, null, GateCondition.Between, 0.5, GateSeverity.Warning, "Batch size between half and twice the usual.", upper: 2);
        if (Has(AuditPoints.Late))
            Add(GateScope.Batch, AuditPoints.Late, null, GateCondition.Eq, 0, GateSeverity.Warning, "Batches arrive on their usual schedule.");
        if (Has(AuditPoints.EventLagHours))
            Add(GateScope.Batch, AuditPoints.EventLagHours, null, GateCondition.Lte, 48, GateSeverity.Warning, "Data arrives within 48 h of its newest event.");
        if (Has(AuditPoints.DriftShare))
            Add(GateScope.Batch, AuditPoints.DriftShare, null, GateCondition.Lt, 0.5, GateSeverity.Critical, "Fewer than half of the features drift (dataset drift).");
        // Seasonal columns (calendar cycles) drift by construction in a short batch: no drift gate for them either.
        foreach (var column in schema.Features.Where(c => Has(AuditPoints.ColumnDrift, c.Name) && !timeParts.Contains(c.Name) && !c.Seasonal))
            Add(GateScope.Batch, AuditPoints.ColumnDrift, column.Name, GateCondition.Eq, 0, GateSeverity.Warning, $"'{column.Name}' keeps its training distribution.");
        if (Has(AuditPoints.PredictionDrift))
            Add(GateScope.Batch, AuditPoints.PredictionDrift, null, GateCondition.Eq, 0, GateSeverity.Warning, "The distribution of the model's output does not drift.");
        if (latest.TryGetValue(new MetricAddress(MetricKeys.LatencyP95), out var p95))
        {
            var limit = NiceCeiling(Math.Max(3 * p95, 10));
            Add(GateScope.Batch, MetricKeys.LatencyP95, null, GateCondition.Lt, limit, GateSeverity.Warning,
                $"p95 scoring latency under {limit.ToString("#,0", CultureInfo.InvariantCulture)} µs (3× today's {p95.ToString("0", CultureInfo.InvariantCulture)} µs, rounded up).");
        }
        if (task == TaskType.Regression)
        {
            Add(GateScope.Batch, PerformancePoints.Prefix + "mae", null, GateCondition.RelativeToReference, 10, GateSeverity.Critical, "MAE at most 10 % above the hold-out MAE.", bound: RelativeBound.NotAbove);
            Add(GateScope.Release, MetricCatalog.HoldoutPrefix + "mae", null, GateCondition.RelativeToChampion, 0, GateSeverity.Critical, "A new version's hold-out MAE is no worse than the champion's.", bound: RelativeBound.NotAbove);
            Add(GateScope.Release, MetricCatalog.ShadowPrefix + "mae", null, GateCondition.RelativeToChampion, 5, GateSeverity.Critical, "On the latest labelled production batches, MAE at most 5 % above the champion's.", bound: RelativeBound.NotAbove);
        }
        else
        {
            Add(GateScope.Batch, PerformancePoints.Prefix + "accuracy", null, GateCondition.RelativeToReference, 5, GateSeverity.Critical, "Accuracy within 5 % of hold-out (not more than 5 % below it).");
            Add(GateScope.Batch, PerformancePoints.Prefix + "roc_auc", null, GateCondition.RelativeToReference, 5, GateSeverity.Warning, "ROC AUC not more than 5 % below hold-out.");
            Add(GateScope.Release, MetricCatalog.HoldoutPrefix + "accuracy", null, GateCondition.RelativeToChampion, 0, GateSeverity.Critical, "A new version's hold-out accuracy is no worse than the champion's.");
            Add(GateScope.Release, MetricCatalog.ShadowPrefix + "accuracy", null, GateCondition.RelativeToChampion, 2, GateSeverity.Critical, "On the latest labelled production batches, accuracy at most 2 % below the champion's.");
        }
        Add(GateScope.Batch, PerformancePoints.ConceptDegraded, null, GateCondition.Eq, 0, GateSeverity.Warning, "No concept drift: performance as in hold-out, beyond noise.");
        Add(GateScope.Release, MetricCatalog.ShadowLatencyP95, null, GateCondition.RelativeToChampion, 50, GateSeverity.Warning, "p95 latency at most 50 % above the champion's on the same rows.", bound: RelativeBound.NotAbove);
        return gates;
    }

    /// <summary>1, 2 or 5 times a power of ten, at or above <paramref name="value"/>.</summary>
    public static double NiceCeiling(double value)
    {
        if (value <= 0 || !double.IsFinite(value))
            return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1.0, 2, 5, 10 })
        {
            if (step * power >= value * (1 - 1e-12))
                return step * power;
        }
        return 10 * power;
    }
}
