using System.Globalization;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Gates;

/// <summary>Judges one gate rule on one batch's (or candidate version's) values. A failing Warning rule gives
/// <see cref="GateStatus.Warning"/>; a missing value gives <see cref="GateStatus.Skipped"/> (the rule does not apply
/// here, e.g. no labels yet); a value or comparison that cannot be computed gives <see cref="GateStatus.Error"/>.</summary>
public static class GateEvaluator
{
    /// <summary>Equality and relative bounds allow this much floating-point noise (relative to the larger magnitude).</summary>
    public const double Tolerance = 1e-9;

    public static GateOutcome Evaluate(GateRuleSpec rule, GateEvidence evidence)
    {
        var subject = MetricCatalog.Describe(rule.Address);
        var counts = MetricCatalog.Find(rule.MetricKey)?.IsCount == true;
        string Plain(double v) => counts && v == Math.Round(v) && Math.Abs(v) < 1e15 ? v.ToString("#,0", CultureInfo.InvariantCulture) : Format(v);
        // Values with the metric's unit: "MAE 31.2 rentals > threshold 25 rentals", "Latency p95 4,210 µs > threshold 3,000 µs".
        string F(double v) => MetricValueText.Value(rule.MetricKey, v, evidence.LabelUnit, Plain);
        string D(double v) => MetricValueText.Difference(rule.MetricKey, v, evidence.LabelUnit, Plain);
        if (rule.Condition == GateCondition.RelativeToChampion && evidence.Champion is null)
            return new(GateStatus.Skipped, null, null, $"{subject}: there is no champion value to compare with.");
        if (!evidence.Actual.TryGetValue(rule.Address, out var actual))
        {
            var why = evidence.MissingReason?.Invoke(rule.MetricKey);
            return new(GateStatus.Skipped, null, null, $"{subject}: no value here{(string.IsNullOrEmpty(why) ? "" : $" ({why})")}.");
        }
        if (!double.IsFinite(actual))
            return new(GateStatus.Error, null, null, $"{subject} could not be computed ({Format(actual)}).");
        return rule.Condition switch
        {
            GateCondition.RelativeToReference => Relative(rule, subject, actual, evidence.Reference, "reference", F, D),
            GateCondition.RelativeToChampion => Relative(rule, subject, actual, evidence.Champion!, "champion", F, D),
            GateCondition.Between => Between(rule, subject, actual, F),
            _ => Compare(rule, subject, actual, F),
        };
    }

    /// <summary>A batch's or version's health: its worst outcome (Failed, then Error, then Warning, then Passed);
    /// null when nothing was judged.</summary>
    public static GateStatus? Worst(IEnumerable<GateStatus> statuses)
    {
        GateStatus? worst = null;
        foreach (var status in statuses)
        {
            if (status == GateStatus.Skipped)
                continue;
            if (worst is null || Rank(status) > Rank(worst.Value))
                worst = status;
        }
        return worst;
    }

    /// <summary>Whether a release gate's outcome blocks a promotion (unless waived): a failure, or a critical gate that
    /// could not judge (no evidence is no pass).</summary>
    public static bool BlocksRelease(GateSeverity severity, GateStatus status) =>
        status == GateStatus.Failed || (status == GateStatus.Error && severity == GateSeverity.Critical);

    /// <summary>Failed is worst; an Error (the gate could not judge) ranks above a Warning.</summary>
    public static int Rank(GateStatus status) => status switch
    {
        GateStatus.Failed => 4,
        GateStatus.Error => 3,
        GateStatus.Warning => 2,
        GateStatus.Passed => 1,
        _ => 0,
    };

    private static GateOutcome Compare(GateRuleSpec rule, string subject, double actual, Func<double, string> Format)
    {
        var t = rule.Threshold;
        var (pass, holds, breaks) = rule.Condition switch
        {
            GateCondition.Gt => (actual > t, ">", "≤"),
            GateCondition.Gte => (actual >= t, "≥", "<"),
            GateCondition.Lt => (actual < t, "<", "≥"),
            GateCondition.Lte => (actual <= t, "≤", ">"),
            GateCondition.Eq => (Math.Abs(actual - t) <= Tolerance * Math.Max(1, Math.Max(Math.Abs(actual), Math.Abs(t))), "=", "≠"),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Condition, "Not a comparison."),
        };
        var relation = pass ? holds : breaks;
        var word = rule.Condition == GateCondition.Eq ? "required" : "threshold";
        return Judge(rule, pass, actual, null, $"{subject} {Format(actual)} {relation} {word} {Format(t)}");
    }

    private static GateOutcome Between(GateRuleSpec rule, string subject, double actual, Func<double, string> Format)
    {
        var low = rule.Threshold;
        var high = rule.UpperThreshold ?? double.PositiveInfinity;
        var description = actual < low ? $"{subject} {Format(actual)} < lower bound {Format(low)}"
            : actual > high ? $"{subject} {Format(actual)} > upper bound {Format(high)}"
            : $"{subject} {Format(actual)} within {Format(low)}–{Format(high)}";
        return Judge(rule, actual >= low && actual <= high, actual, null, description);
    }

    private static GateOutcome Relative(GateRuleSpec rule, string subject, double actual, IReadOnlyDictionary<MetricAddress, double> values, string against,
        Func<double, string> Format, Func<double, string> Difference)
    {
        if (!values.TryGetValue(rule.Address, out var compared) || !double.IsFinite(compared))
            return new(GateStatus.Error, actual, null, $"{subject} {Format(actual)}: the {against} has no value to compare with.");
        if (rule.Unit == ToleranceUnit.Percent && compared == 0)
            return new(GateStatus.Error, actual, compared, $"{subject} {Format(actual)}: the {against} value is 0, so a percentage tolerance is undefined; use an absolute one.");
        var allowed = rule.Unit == ToleranceUnit.Percent ? Math.Abs(compared) * rule.Threshold / 100 : rule.Threshold;
        var slack = Tolerance * Math.Max(1, Math.Max(Math.Abs(actual), Math.Abs(compared)));
        var delta = actual - compared;
        var pass = rule.Bound switch
        {
            RelativeBound.NotBelow => delta >= -allowed - slack,
            RelativeBound.NotAbove => delta <= allowed + slack,
            _ => Math.Abs(delta) <= allowed + slack,
        };
        var size = rule.Unit == ToleranceUnit.Percent
            ? (Math.Abs(delta) / Math.Abs(compared) * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %"
            : Difference(Math.Abs(delta));
        var side = delta < 0 ? "below" : "above";
        var limit = rule.Unit == ToleranceUnit.Percent ? rule.Threshold.ToString("0.##", CultureInfo.InvariantCulture) + " %" : Difference(rule.Threshold);
        var allowance = rule.Threshold == 0 ? rule.Bound switch
        {
            RelativeBound.NotBelow => "none below allowed",
            RelativeBound.NotAbove => "none above allowed",
            _ => "no difference allowed",
        } : rule.Bound switch
        {
            RelativeBound.NotBelow => $"at most {limit} below allowed",
            RelativeBound.NotAbove => $"at most {limit} above allowed",
            _ => $"within ±{limit} allowed",
        };
        var description = delta == 0
            ? $"{subject} {Format(actual)} equals the {against} ({allowance})"
            : $"{subject} {Format(actual)} is {size} {side} the {against} {Format(compared)} ({allowance})";
        return Judge(rule, pass, actual, compared, description);
    }

    private static GateOutcome Judge(GateRuleSpec rule, bool pass, double actual, double? compared, string description) =>
        new(pass ? GateStatus.Passed : rule.Severity == GateSeverity.Warning ? GateStatus.Warning : GateStatus.Failed, actual, compared, description);

    /// <summary>Three decimals for shares and scores, fewer for large values: "0.083", "412.5", "12,480".</summary>
    public static string Format(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "−∞",
        _ when Math.Abs(value) >= 10_000 => value.ToString("#,0", CultureInfo.InvariantCulture),
        _ when Math.Abs(value) >= 100 => value.ToString("0.#", CultureInfo.InvariantCulture),
        _ => value.ToString("0.000", CultureInfo.InvariantCulture),
    };
}
