using System.Globalization;

namespace DataProductDashboard.Analysis.Gates;

/// <summary>A metric's value with its unit, for gate sentences and the alerts made from them: shares as percentages
/// ("8.3 %"), times with their unit ("4,210 µs", "0.012 s", "6.5 h"), ratios as "2.4×", error metrics in the label's
/// unit when the product names one ("31.2 rentals"). Counts, flags, scores and classifier metrics read as plain
/// numbers (the metric's name already says what they count).</summary>
public static class MetricValueText
{
    /// <summary>Metrics measured in the label's unit, by their key's last part (perf., holdout., shadow., estimated.).</summary>
    private static readonly string[] LabelUnitMetrics = ["mae", "rmse", "median_ae", "mean_error"];

    /// <summary>The unit written after a value of <paramref name="key"/> (" %", " µs", "×"…), or null for a plain number.</summary>
    public static string? UnitOf(string key, string? labelUnit)
    {
        var unit = MetricCatalog.Find(key)?.Unit;
        return unit switch
        {
            "share" => " %",
            "µs" or "s" or "h" => " " + unit,
            "×" => "×",
            _ when !string.IsNullOrWhiteSpace(labelUnit) && LabelUnitMetrics.Any(m => key.EndsWith("." + m, StringComparison.Ordinal)) => " " + labelUnit,
            _ => null,
        };
    }

    /// <summary>A value of <paramref name="key"/> with its unit; <paramref name="plain"/> writes values without one.</summary>
    public static string Value(string key, double value, string? labelUnit, Func<double, string> plain) =>
        UnitOf(key, labelUnit) switch
        {
            null => plain(value),
            " %" => Number(value * 100) + " %",
            var unit => Number(value) + unit,
        };

    /// <summary>A difference between two values of <paramref name="key"/>: shares in percentage points.</summary>
    public static string Difference(string key, double value, string? labelUnit, Func<double, string> plain) =>
        UnitOf(key, labelUnit) == " %"
            ? Number(value * 100) is var points && points == "1" ? "1 percentage point" : points + " percentage points"
            : Value(key, value, labelUnit, plain);

    /// <summary>Up to four significant digits without trailing zeros, thousands grouped: "31.2", "25", "4,210", "0.0123".</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
            return GateEvaluator.Format(value);
        var magnitude = Math.Abs(value);
        if (magnitude >= 1000)
            return value.ToString("#,0", CultureInfo.InvariantCulture);
        if (magnitude == 0)
            return "0";
        var decimals = Math.Clamp(3 - (int)Math.Floor(Math.Log10(magnitude)), 0, 6);
        return Math.Round(value, decimals).ToString("#,0." + new string('#', Math.Max(1, decimals)), CultureInfo.InvariantCulture);
    }
}
