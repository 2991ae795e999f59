using System.Globalization;
using DataProductDashboard.Analysis.Drift;

namespace DataProductDashboard.ViewModels.Audit;

/// <summary>How drift results read: the dataset verdict sentence, scores (p-values or distances) and the most drifted column.</summary>
public static class DriftDisplay
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Heading of the group of seasonal features on the drift page.</summary>
    public const string SeasonalHeading = "Seasonal (calendar) features — shown apart, not counted in dataset drift";

    /// <summary>"3 of 12 features drifted (25 %), dataset drift threshold 50 %"; with seasonal features, followed by
    /// "; 4 seasonal features shown apart (2 drifted)".</summary>
    public static string Verdict(DatasetDriftResult drift)
    {
        var text = $"{drift.Drifted} of {drift.Columns} feature{(drift.Columns == 1 ? "" : "s")} drifted ({Percent(drift.Share)}), dataset drift threshold {Percent(drift.ShareThreshold)}";
        var seasonal = drift.ColumnResults.Count(c => c.Seasonal);
        return seasonal == 0 ? text
            : $"{text}; {seasonal} seasonal feature{(seasonal == 1 ? "" : "s")} shown apart ({drift.ColumnResults.Count(c => c.Seasonal && c.Drift)} drifted)";
    }

    /// <summary>"25 %", "12.5 %".</summary>
    public static string Percent(double share) => double.IsFinite(share) ? $"{(share * 100).ToString("0.#", Invariant)} %" : "–";

    /// <summary>Four significant digits without trailing zeros ("0.05", "0.2622"); below 0.0001 in scientific notation.</summary>
    public static string Score(double score) => double.IsFinite(score)
        ? Math.Abs(score) switch
        {
            > 0 and < 1e-4 => score.ToString("0.##e+0", Invariant),
            < 1e4 => score.ToString("G4", Invariant),
            _ => Formatting.Display.Number(score),
        }
        : "–";

    /// <summary>"p-value" or "distance".</summary>
    public static string ScoreKindText(ScoreKind kind) => kind == ScoreKind.PValue ? "p-value" : "distance";

    /// <summary>How strongly a column drifted, comparable across methods: how far past the threshold it is (p-values:
    /// threshold / p; distances: score / threshold).</summary>
    public static double Severity(DriftColumnResult c) => c.ScoreKind == ScoreKind.PValue
        ? c.Threshold / Math.Max(c.Score, 1e-300)
        : c.Threshold <= 0 ? c.Score : c.Score / c.Threshold;

    /// <summary>The column to show by default: the requested one if it exists, else the most drifted.</summary>
    public static string? DefaultColumn(DatasetDriftResult? drift, string? requested)
    {
        if (drift is null || drift.ColumnResults.Count == 0)
            return null;
        if (requested is not null && drift.ColumnResults.Any(c => c.Column == requested))
            return requested;
        // A drifted seasonal column is expected (a short batch holds one slice of the calendar): prefer the others.
        return drift.ColumnResults.OrderByDescending(c => c.Drift && !c.Seasonal).ThenBy(c => c.Seasonal).ThenByDescending(c => c.Drift)
            .ThenByDescending(Severity).First().Column;
    }

    /// <summary>The rule without repeating the method name: "drift when score ≥ 0.1".</summary>
    public static string ShortRule(DriftColumnResult c) =>
        c.Rule.Replace(c.MethodDisplayName, "score", StringComparison.Ordinal);

    public static string DirectionText(DriftColumnResult c) => c.Direction switch
    {
        "up" => "↑ up",
        "down" => "↓ down",
        _ => "–",
    };
}
