using System.Globalization;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Domain;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.ViewModels.Experiments;

/// <summary>How A/B numbers read on the experiments page: rates as percentages and differences in points, means as
/// numbers, p-values with "&lt; 0.001", and a verdict per metric.</summary>
public static class ExperimentDisplay
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Metrics with no better direction (a share of positives, a mean prediction) or where closer to 0 is better (bias).</summary>
    private static readonly HashSet<string> Neutral = [ExperimentMetrics.PositiveShare, ExperimentMetrics.PredictionMean, ExperimentMetrics.MeanError];

    public static string Value(double value, ComparisonKind kind) => !double.IsFinite(value) ? "–"
        : kind == ComparisonKind.Rate ? (value * 100).ToString("0.0", Invariant) + " %" : Display.Number(value);

    public static string Difference(double value, ComparisonKind kind)
    {
        if (!double.IsFinite(value))
            return "–";
        var sign = value > 0 ? "+" : value < 0 ? "−" : "±";
        return kind == ComparisonKind.Rate
            ? $"{sign}{Math.Abs(value * 100).ToString("0.0", Invariant)} pts"
            : sign + Display.Number(Math.Abs(value));
    }

    public static string Relative(double? value) => value is { } v && double.IsFinite(v)
        ? (v > 0 ? "+" : v < 0 ? "−" : "±") + Math.Abs(v * 100).ToString("0.0", Invariant) + " %"
        : "–";

    /// <summary>"[−16.1, +8.9] pts" for rates, "[−1.23, +0.45]" for means.</summary>
    public static string Interval(double low, double high, ComparisonKind kind)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high))
            return "–";
        if (kind != ComparisonKind.Rate)
            return $"[{Difference(low, kind)}, {Difference(high, kind)}]";
        string Points(double v) => Difference(v, kind)[..^4];
        return $"[{Points(low)}, {Points(high)}] pts";
    }

    public static string PValue(double? p) => p switch
    {
        null or double.NaN => "–",
        < 0.001 => "< 0.001",
        _ => p.Value.ToString("0.000", Invariant),
    };

    public static string Confidence(double alpha) => ((1 - alpha) * 100).ToString("0.#", Invariant) + " %";

    public static string Share(double share) => (share * 100).ToString("0.#", Invariant) + " %";

    /// <summary>"Challenger better" / "Challenger worse" (or "Challenger higher" / "lower" for metrics without a
    /// better direction) when significant after Holm; otherwise "No significant difference", or "Not testable" when the
    /// test is undefined (both arms constant).</summary>
    public static (string Text, Verdict Verdict) VerdictOf(ArmComparison comparison, bool lowerIsBetter)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (double.IsNaN(comparison.PValue))
            return ("Not testable", Verdict.Undefined);
        if (!comparison.Significant)
            return ("No significant difference", Verdict.NotSignificant);
        var higher = comparison.Difference > 0;
        if (Neutral.Contains(comparison.Metric))
            return (higher ? "Challenger higher" : "Challenger lower", Verdict.Different);
        return higher != lowerIsBetter ? ("Challenger better", Verdict.Better) : ("Challenger worse", Verdict.Worse);
    }

    public static string Status(ExperimentStatus status) => status == ExperimentStatus.Running ? "Running" : "Stopped";

    public static string Decision(ExperimentDecision? decision) => decision switch
    {
        ExperimentDecision.ShipChallenger => "Challenger shipped",
        ExperimentDecision.KeepChampion => "Champion kept",
        ExperimentDecision.KeepRunning => "Keep running",
        _ => "No decision yet",
    };

    /// <summary>"412 of 1,104 per arm" — the smaller arm's share of its need drives the progress.</summary>
    public static string ProgressText(long champion, long challenger, SampleSizePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.ChampionNeeded == plan.ChallengerNeeded && champion == challenger
            ? $"{Display.Count(champion)} of {Display.Count(plan.ChampionNeeded)} per arm"
            : $"{Display.Count(champion)} of {Display.Count(plan.ChampionNeeded)} (champion) · {Display.Count(challenger)} of {Display.Count(plan.ChallengerNeeded)} (challenger)";
    }

    /// <summary>What the numbers suggest deciding, in a sentence: a mismatched split first, then the primary metric's
    /// verdict read together with how far along the test is.</summary>
    public static string Recommendation(Services.Experiments.ExperimentSummary summary, bool lowerIsBetter)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.SampleRatio is { Mismatch: true })
            return "The split does not match the configured share: fix the assignment before deciding on these numbers.";
        if (summary.Primary is not { } primary)
            return $"No comparison of {summary.PrimaryMetricName} yet: keep it running until both arms have data.";
        var progress = summary.Progress is { } p ? $"{(p * 100).ToString("0", Invariant)} %" : "an unknown share";
        return VerdictOf(primary, lowerIsBetter).Verdict switch
        {
            Verdict.Better => $"The challenger is significantly better on {summary.PrimaryMetricName} (Holm p {PValue(primary.AdjustedPValue)}): the data support shipping it.",
            Verdict.Worse => $"The challenger is significantly worse on {summary.PrimaryMetricName}: keep the champion.",
            Verdict.Different => $"{summary.PrimaryMetricName} differs significantly between the arms; decide whether the change is wanted.",
            _ when summary.Progress is >= 1 =>
                $"No significant difference on {summary.PrimaryMetricName} with the planned sample: a difference as large as the MDE is unlikely; keeping the champion is the safe choice.",
            _ => $"No significant difference on {summary.PrimaryMetricName} yet, with {progress} of the planned sample: keep it running, or stop if the effect no longer matters.",
        };
    }
}
