using System.Globalization;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Domain;

namespace DataProductDashboard.ViewModels.Gates;

/// <summary>How gate enums, values and rules read on the gates page and in the rule editor.</summary>
public static class GateText
{
    public static string Condition(GateCondition condition) => condition switch
    {
        GateCondition.Gt => "Greater than (>)",
        GateCondition.Gte => "At least (≥)",
        GateCondition.Lt => "Less than (<)",
        GateCondition.Lte => "At most (≤)",
        GateCondition.Eq => "Equal to (=)",
        GateCondition.Between => "Between (inclusive)",
        GateCondition.RelativeToReference => "Relative to the reference (hold-out)",
        _ => "Relative to the champion",
    };

    public static string Bound(RelativeBound bound) => bound switch
    {
        RelativeBound.NotBelow => "Not further below than the tolerance",
        RelativeBound.NotAbove => "Not further above than the tolerance",
        _ => "Within ± the tolerance",
    };

    public static string Unit(ToleranceUnit unit) => unit == ToleranceUnit.Percent ? "Percent of the compared value" : "Absolute (metric's unit)";

    public static string Family(MetricFamily family) => family switch
    {
        MetricFamily.DataQuality => "Data quality",
        MetricFamily.Drift => "Drift",
        MetricFamily.Behavior => "Model behavior",
        MetricFamily.Performance => "Performance (needs labels)",
        MetricFamily.Fairness => "Fairness (per segment attribute)",
        _ => "Release evidence (candidate versions)",
    };

    public static string Scope(GateScope scope) => scope == GateScope.Batch ? "Batch" : "Release";

    public static string ScopeHelp(GateScope scope) => scope == GateScope.Batch
        ? "Judges every audited batch; failures raise alerts."
        : "Judges a candidate version before it is promoted to champion.";

    public static string Status(GateStatus status) => status switch
    {
        GateStatus.Passed => "Passed",
        GateStatus.Warning => "Warning",
        GateStatus.Failed => "Failed",
        GateStatus.Error => "Error",
        _ => "Skipped",
    };

    public static string Action(TrailAction action) => action switch
    {
        TrailAction.GateCreated => "Gate created",
        TrailAction.GateUpdated => "Gate changed",
        TrailAction.GateDeleted => "Gate deleted",
        TrailAction.Promoted => "Promoted",
        TrailAction.PromotionRefused => "Promotion refused",
        TrailAction.Waived => "Waived",
        TrailAction.RolledBack => "Rolled back",
        TrailAction.ChannelCreated => "Channel created",
        TrailAction.ChannelUpdated => "Channel changed",
        TrailAction.ChannelDeleted => "Channel deleted",
        TrailAction.CadenceChanged => "Cadence changed",
        TrailAction.KpiCreated => "KPI created",
        TrailAction.KpiUpdated => "KPI changed",
        TrailAction.KpiDeleted => "KPI deleted",
        TrailAction.KpiValuesUploaded => "KPI values uploaded",
        TrailAction.ExperimentStarted => "A/B test started",
        TrailAction.ExperimentDecided => "A/B test decided",
        TrailAction.ChannelSecretRotated => "Signing secret rotated",
        TrailAction.ProductUpdated => "Product details changed",
        TrailAction.SchemaChanged => "Schema changed",
        TrailAction.ProductArchived => "Product archived",
        TrailAction.ProductRestored => "Product restored from the archive",
        TrailAction.RetentionPurged => "Row-level data removed (retention)",
        TrailAction.ModelRegistered => "Model version registered",
        TrailAction.ModelTrained => "Model version trained",
        TrailAction.EvaluationSetChanged => "Evaluation set changed",
        TrailAction.ChallengerMarked => "Challenger marked (shadow scoring on)",
        TrailAction.ChallengerUnmarked => "Challenger unmarked (shadow scoring off)",
        _ => action.ToString(),
    };

    /// <summary>"0.083", "412.5 µs", "1 (yes)" for a flag; "–" when there is no value.</summary>
    public static string Value(double? value, string unit)
    {
        if (value is not { } v)
            return "–";
        if (unit == MetricCatalog.FlagUnit && (v == 0 || v == 1))
            return v == 1 ? "1 (yes)" : "0 (no)";
        // Shares and scores keep the engine's three decimals ("0.083"); values with a unit read like numbers ("3 rows", "17.4 µs").
        if (unit is "" or "share" or "score")
            return GateEvaluator.Format(v);
        var text = Math.Abs(v) >= 1e6 ? GateEvaluator.Format(v) : v.ToString("#,0.###", CultureInfo.InvariantCulture);
        return $"{text} {unit}";
    }

    /// <summary>The comparison part of a rule, short enough for a table cell: "≤ 0.05", "0.5 – 2", "≥ −5 % of reference".</summary>
    /// <param name="metricKey">The rule's metric: its thresholds are written with its unit ("≤ 5 %", "&lt; 2,000 µs",
    /// "&gt; 25 rentals"); without it, as plain numbers.</param>
    /// <param name="labelUnit">The product's label unit, for error metrics.</param>
    public static string ShortCondition(GateCondition condition, double threshold, double? upper, RelativeBound bound, ToleranceUnit unit,
        string? metricKey = null, string? labelUnit = null)
    {
        string Plain(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        string N(double v) => metricKey is null ? Plain(v) : Analysis.Gates.MetricValueText.Value(metricKey, v, labelUnit, Plain);
        var tolerance = unit == ToleranceUnit.Percent ? $"{Plain(threshold)} %" : N(threshold);
        var against = condition == GateCondition.RelativeToChampion ? "champion" : "reference";
        return condition switch
        {
            GateCondition.Gt => $"> {N(threshold)}",
            GateCondition.Gte => $"≥ {N(threshold)}",
            GateCondition.Lt => $"< {N(threshold)}",
            GateCondition.Lte => $"≤ {N(threshold)}",
            GateCondition.Eq => $"= {N(threshold)}",
            GateCondition.Between => $"{N(threshold)} – {(upper is { } u ? N(u) : "∞")}",
            _ when threshold == 0 => bound switch
            {
                RelativeBound.NotBelow => $"≥ {against}",
                RelativeBound.NotAbove => $"≤ {against}",
                _ => $"= {against}",
            },
            _ => bound switch
            {
                RelativeBound.NotBelow => $"≥ {against} − {tolerance}",
                RelativeBound.NotAbove => $"≤ {against} + {tolerance}",
                _ => $"{against} ± {tolerance}",
            },
        };
    }
}
