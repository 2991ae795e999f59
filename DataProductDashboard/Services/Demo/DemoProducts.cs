using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Kpis;

namespace DataProductDashboard.Services.Demo;

/// <summary>Names and schemas of the two demo data products.</summary>
public static class DemoProducts
{
    public const string BikeName = "Bike rental demand";
    public const string CreditName = "Credit risk";

    public static readonly ProductSchema BikeSchema = new(
    [
        new("instant", ColumnKind.Id, ColumnRole.RowKey),
        new("dteday", ColumnKind.Timestamp, ColumnRole.EventTime),
        // The calendar cycles are seasonal: a 2-day batch holds one slice of each, so against a year of training data
        // they drift by construction (shown apart, not counted in dataset drift). holiday and workingday follow from the
        // date just as weekday does (a weekend batch is all workingday = 0), so they are seasonal too. yr is not: it is a
        // trend, not a cycle, and a year the model never saw is real drift.
        new("season", ColumnKind.Categorical, AllowedValues: ["1", "2", "3", "4"], Seasonal: true),
        new("yr", ColumnKind.Numeric, Min: 0, Max: 1),
        new("mnth", ColumnKind.Numeric, Min: 1, Max: 12, Seasonal: true),
        new("hr", ColumnKind.Numeric, Min: 0, Max: 23, Seasonal: true),
        new("holiday", ColumnKind.Numeric, Min: 0, Max: 1, Seasonal: true),
        new("weekday", ColumnKind.Numeric, Min: 0, Max: 6, Seasonal: true),
        new("workingday", ColumnKind.Numeric, Min: 0, Max: 1, Seasonal: true),
        new("weathersit", ColumnKind.Categorical, AllowedValues: ["1", "2", "3", "4"]),
        new("temp", ColumnKind.Numeric, Min: 0, Max: 1),
        new("atemp", ColumnKind.Numeric, Min: 0, Max: 1),
        new("hum", ColumnKind.Numeric, Min: 0, Max: 1),
        new("windspeed", ColumnKind.Numeric, Min: 0, Max: 1),
        new("cnt", ColumnKind.Numeric, ColumnRole.Label, Min: 0),
    ], LabelUnit: "rentals");

    public static readonly ProductSchema CreditSchema = new(
    [
        new("application_id", ColumnKind.Id, ColumnRole.RowKey),
        new("checking_account_status", ColumnKind.Categorical, AllowedValues: Codes("A1", 1, 4)),
        new("duration_months", ColumnKind.Numeric, Min: 1, Max: 120),
        new("credit_history", ColumnKind.Categorical, AllowedValues: Codes("A3", 0, 4)),
        new("purpose", ColumnKind.Categorical, AllowedValues: [.. Codes("A4", 0, 9), "A410"]),
        new("credit_amount", ColumnKind.Numeric, Min: 0, Max: 1_000_000),
        new("savings_account", ColumnKind.Categorical, AllowedValues: Codes("A6", 1, 5)),
        new("employment_since", ColumnKind.Categorical, AllowedValues: Codes("A7", 1, 5)),
        new("installment_rate_pct", ColumnKind.Numeric, Min: 1, Max: 4),
        new("personal_status_sex", ColumnKind.Categorical, AllowedValues: Codes("A9", 1, 5)),
        new("other_debtors", ColumnKind.Categorical, AllowedValues: Codes("A10", 1, 3)),
        new("residence_since", ColumnKind.Numeric, Min: 1, Max: 4),
        new("property", ColumnKind.Categorical, AllowedValues: Codes("A12", 1, 4)),
        new("age_years", ColumnKind.Numeric, Min: 18, Max: 100),
        new("other_installment_plans", ColumnKind.Categorical, AllowedValues: Codes("A14", 1, 3)),
        new("housing", ColumnKind.Categorical, AllowedValues: Codes("A15", 1, 3)),
        new("existing_credits", ColumnKind.Numeric, Min: 0, Max: 10),
        new("job", ColumnKind.Categorical, AllowedValues: Codes("A17", 1, 4)),
        new("people_liable", ColumnKind.Numeric, Min: 0, Max: 10),
        new("telephone", ColumnKind.Categorical, AllowedValues: Codes("A19", 1, 2)),
        new("foreign_worker", ColumnKind.Categorical, AllowedValues: Codes("A20", 1, 2), IsSegment: true),
        new("sex", ColumnKind.Categorical, ColumnRole.Segment, AllowedValues: ["male", "female"], IsSegment: true),
        new("age_band", ColumnKind.Categorical, ColumnRole.Segment, AllowedValues: AgeBands, IsSegment: true),
        new("credit_risk", ColumnKind.Categorical, ColumnRole.Label, AllowedValues: ["1", "2"]),
    ], PositiveClass: "2");

    /// <summary>The bike product's gates, as its product manager set them: data complete and stable, MAE near hold-out,
    /// latency bounded; a new version must not be worse than the champion on the same production rows (hold-out sets differ
    /// between versions, so they do not decide a release).</summary>
    public static readonly GateRuleInput[] BikeGates =
    [
        new(GateScope.Batch, "drift.share", null, GateCondition.Lt, 0.5, GateSeverity.Critical, Name: "No dataset drift"),
        new(GateScope.Batch, "dq.column.missing_share", "temp", GateCondition.Eq, 0, GateSeverity.Critical, Name: "Temperature always present"),
        new(GateScope.Batch, "dq.volume_ratio", null, GateCondition.Between, 0.5, GateSeverity.Warning, UpperThreshold: 2, Name: "Usual batch size"),
        new(GateScope.Batch, "perf.mae", null, GateCondition.RelativeToReference, 25, GateSeverity.Critical, Bound: RelativeBound.NotAbove, Name: "MAE within 25 % of hold-out"),
        new(GateScope.Batch, "scoring.latency_p95_us", null, GateCondition.Lt, 2000, GateSeverity.Warning, Name: "p95 latency under 2 ms"),
        new(GateScope.Release, "shadow.mae", null, GateCondition.RelativeToChampion, 0, GateSeverity.Critical, Bound: RelativeBound.NotAbove, Name: "Production MAE no worse than the champion on the same rows"),
    ];

    /// <summary>The credit product's gates: accuracy near hold-out, no unseen categories in the purpose, stable inputs.</summary>
    public static readonly GateRuleInput[] CreditGates =
    [
        new(GateScope.Batch, "perf.accuracy", null, GateCondition.RelativeToReference, 5, GateSeverity.Critical, Name: "Accuracy within 5 % of hold-out"),
        new(GateScope.Batch, "drift.share", null, GateCondition.Lt, 0.5, GateSeverity.Critical, Name: "No dataset drift"),
        new(GateScope.Batch, "dq.column.unseen_share", "purpose", GateCondition.Lte, 0.05, GateSeverity.Warning, Name: "Known loan purposes"),
        new(GateScope.Batch, "drift.prediction.detected", null, GateCondition.Eq, 0, GateSeverity.Warning, Name: "Stable score distribution"),
        new(GateScope.Release, "holdout.roc_auc", null, GateCondition.RelativeToChampion, 2, GateSeverity.Critical, Name: "Hold-out ROC AUC at most 2 % below the champion"),
    ];

    /// <summary>The bike product's KPIs: rentals per day and per week (the true counts arrive as labels), against a
    /// target near the usual level of 2012, so that the low winter days before Christmas 2012 fall off target.</summary>
    public static readonly KpiInput[] BikeKpis =
    [
        new("Daily rentals", KpiDirection.HigherIsBetter, 5000, 750, KpiPeriod.Day, KpiSource.BatchColumn, KpiAggregate.Sum, "cnt",
            Unit: "rentals", Description: "Bikes rented per day (all stations): the operator's revenue driver. The true counts arrive as labels."),
        new("Weekly rentals", KpiDirection.HigherIsBetter, 35000, 5000, KpiPeriod.Week, KpiSource.BatchColumn, KpiAggregate.Sum, "cnt",
            Unit: "rentals", Description: "Bikes rented per week (Monday to Sunday)."),
    ];

    /// <summary>The credit product's KPI: the expected cost per decision with the German credit cost matrix (a bad
    /// applicant accepted costs 5, a good applicant rejected costs 1), once repayment outcomes are known.</summary>
    public static readonly KpiInput[] CreditKpis =
    [
        new("Expected cost per decision", KpiDirection.LowerIsBetter, 0.8, 0.2, KpiPeriod.Week, KpiSource.MisclassificationCost,
            CostFalsePositive: 1, CostFalseNegative: 5, Unit: "cost units",
            Description: "Mean misclassification cost per credit decision (German credit cost matrix: bad risk accepted 5, good risk rejected 1)."),
    ];

    public static readonly string[] AgeBands = ["<25", "25-34", "35-49", "50+"];

    public static string AgeBand(int age) => age switch
    {
        < 25 => "<25",
        < 35 => "25-34",
        < 50 => "35-49",
        _ => "50+",
    };

    public static string Sex(string personalStatusSex) => personalStatusSex is "A92" or "A95" ? "female" : "male";

    private static string[] Codes(string prefix, int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(i => prefix + i).ToArray();
}
