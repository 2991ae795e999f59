using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.ViewModels.Kpis;

/// <summary>How KPIs read on the page: status and classification names, colours and plain explanations, values with
/// their unit, the source in words.</summary>
public static class KpiDisplay
{
    public const string OnTargetColor = "#2e7d32";
    public const string AtRiskColor = "#f0a000";
    public const string OffTargetColor = "#c62828";
    public const string NoDataColor = "#9e9e9e";

    public const string ToleranceBandHelp = "The tolerance band is the margin on the bad side of the target: a value worse than the target but within "
        + "the tolerance is at risk; beyond it, off target.";
    public const string BusinessDriftHelp = "Business drift: the KPI left its band for a sustained run while the data and the model stayed stable — "
        + "the market or the KPI itself moved; reassess the target.";
    public const string ConceptDriftHelp = "Concept drift: in the same periods the model got worse against its hold-out performance (or a performance "
        + "gate failed) — the relation between inputs and outcome changed; retrain or roll back.";
    public const string DataDriftHelp = "Data drift: in most of the same periods the model's inputs drifted away from its training data while its "
        + "performance held — check the data pipeline, or retrain on recent data.";
    public const string CompleteHelp = "Only complete periods count for the status and the run rule: the newest period stays open while batches may still "
        + "add rows to it, and a label-based KPI counts a period once all its rows are labelled.";

    public static string Status(KpiStatus status) => status switch
    {
        KpiStatus.OnTarget => "On target",
        KpiStatus.AtRisk => "At risk",
        KpiStatus.OffTarget => "Off target",
        _ => "No data",
    };

    public static string StatusColor(KpiStatus status) => status switch
    {
        KpiStatus.OnTarget => OnTargetColor,
        KpiStatus.AtRisk => AtRiskColor,
        KpiStatus.OffTarget => OffTargetColor,
        _ => NoDataColor,
    };

    public static string StatusHelp(KpiStatus status) => status switch
    {
        KpiStatus.OnTarget => "On target: the latest complete period is at or better than the target.",
        KpiStatus.AtRisk => "At risk: the latest complete period is worse than the target, but within the tolerance band.",
        KpiStatus.OffTarget => "Off target: the latest complete period is worse than the target by more than the tolerance.",
        _ => "No data: no complete period yet (values not uploaded, no batch, or labels still outstanding).",
    };

    public static string Classification(DriftClassification classification) => DriftClassifier.Name(classification);

    public static string ClassificationHelp(DriftClassification classification) => classification switch
    {
        DriftClassification.ConceptDrift => ConceptDriftHelp,
        DriftClassification.DataDrift => DataDriftHelp,
        _ => BusinessDriftHelp,
    };

    /// <summary>"4,128 rentals", "0.92 cost units", "–".</summary>
    public static string Value(double? value, string? unit) => value is not { } v ? "–" : KpiNumbers.WithUnit(v, unit);

    /// <summary>A number as KPI sentences write it: "4,128", "64.1", "0.92".</summary>
    public static string Number(double? value) => value is { } v ? KpiNumbers.Format(v) : "–";

    /// <summary>Rows or values counted: "24", "13,129".</summary>
    public static string Rows(double rows) => Display.Count((long)Math.Round(rows));

    /// <summary>The portfolio chip: "KPIs: 1 off target", "KPIs: 2 at risk", "KPIs: 3 on target", "KPIs: no data yet".</summary>
    public static string Portfolio(KpiSummary kpis) => kpis.Worst switch
    {
        KpiStatus.OffTarget => $"KPIs: {kpis.OffTarget} off target",
        KpiStatus.AtRisk => $"KPIs: {kpis.AtRisk} at risk",
        KpiStatus.OnTarget => $"KPIs: {kpis.OnTarget} on target",
        _ => "KPIs: no data yet",
    };

    public static string PortfolioHelp(KpiSummary k) =>
        $"{k.Total} KPI{(k.Total == 1 ? "" : "s")}: {k.OffTarget} off target, {k.AtRisk} at risk, {k.OnTarget} on target, {k.NoData} without data (each on its latest complete period)";

    /// <summary>"−17 %" below, "+5 %" above the target; empty without a gap.</summary>
    public static string Gap(double? relativeGap) => relativeGap is not { } g || !double.IsFinite(g) ? ""
        : (g >= 0 ? "+" : "") + KpiNumbers.Percent(g);

    public static string Direction(KpiDirection direction) => direction == KpiDirection.HigherIsBetter ? "Higher is better" : "Lower is better";

    /// <summary>"≥ 5,000 rentals (at risk down to 4,250)".</summary>
    public static string TargetText(KpiDirection direction, double target, double tolerance, string? unit)
    {
        var edge = new KpiTarget(direction, target, tolerance).BandEdge;
        return direction == KpiDirection.HigherIsBetter
            ? $"≥ {Value(target, unit)} (at risk down to {Number(edge)})"
            : $"≤ {Value(target, unit)} (at risk up to {Number(edge)})";
    }

    public static string Period(KpiPeriod period) => period switch
    {
        KpiPeriod.Day => "Daily",
        KpiPeriod.Week => "Weekly (Monday–Sunday)",
        _ => "Monthly",
    };

    /// <summary>The source in words: "Uploaded values", "Sum of cnt per day", "Misclassification cost (false positive 1, false negative 5)".</summary>
    public static string Source(KpiDefinition kpi) => kpi.Source switch
    {
        KpiSource.BatchColumn => $"{kpi.Aggregate ?? KpiAggregate.Sum} of {kpi.Column} per {KpiPeriods.Noun(kpi.Period)}",
        KpiSource.MisclassificationCost =>
            $"Misclassification cost (false positive {Number(kpi.CostFalsePositive)}, false negative {Number(kpi.CostFalseNegative)}) per decision",
        _ => "Uploaded values",
    };

    /// <summary>"day 2012-12-23", "week of 2012-12-17", "2012-12".</summary>
    public static string PeriodLabel(DateTime start, KpiPeriod period) => period == KpiPeriod.Day
        ? KpiPeriods.Format(start, period)
        : KpiPeriods.Label(start, period);

    /// <summary>The x-axis title of a KPI chart.</summary>
    public static string AxisTitle(KpiPeriod period) => period switch
    {
        KpiPeriod.Day => "Day (UTC)",
        KpiPeriod.Week => "Week starting Monday (UTC)",
        _ => "Month (UTC)",
    };
}
