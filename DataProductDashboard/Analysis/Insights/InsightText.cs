using System.Globalization;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Insights;

/// <summary>Numbers, periods and lists the way the insight sentences write them (invariant culture).</summary>
public static class InsightText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Thousands separated from 100 up; two decimals from 1; three significant digits below 1.</summary>
    public static string Number(double value) => Math.Abs(value) switch
    {
        >= 100 => value.ToString("N0", Invariant),
        >= 1 => value.ToString("0.##", Invariant),
        0 => "0",
        _ => value.ToString("0.###", Invariant),
    };

    /// <summary>A value with its unit: "3,120 rentals".</summary>
    public static string WithUnit(double value, string unit) => string.IsNullOrWhiteSpace(unit) ? Number(value) : $"{Number(value)} {unit}";

    /// <summary>A share as a percentage: one decimal under 10 %, none above.</summary>
    public static string Percent(double share)
    {
        var pct = Math.Abs(share) * 100;
        return (pct < 10 ? pct.ToString("0.#", Invariant) : pct.ToString("0", Invariant)) + "%";
    }

    public static string PValue(double p) => p < 0.001 ? "p < 0.001" : $"p = {p.ToString("0.###", Invariant)}";

    public static string Date(DateTime day) => day.ToString("d MMM yyyy", Invariant);

    /// <summary>"on Sat 24 Nov 2012", "in the week of 19 Nov 2012 (week 47)", "in November 2012".</summary>
    public static string Period(DateTime start, KpiPeriod period) => period switch
    {
        KpiPeriod.Day => $"on {start.ToString("ddd d MMM yyyy", Invariant)}",
        KpiPeriod.Week => $"in the week of {Date(start)} (week {ISOWeek.GetWeekOfYear(start)})",
        _ => $"in {start.ToString("MMMM yyyy", Invariant)}",
    };

    /// <summary>"day", "week", "month" with a count: "3 days".</summary>
    public static string Periods(int count, KpiPeriod period)
    {
        var word = period switch { KpiPeriod.Day => "day", KpiPeriod.Week => "week", _ => "month" };
        return count == 1 ? $"1 {word}" : $"{count} {word}s";
    }

    /// <summary>"a", "a and b", "a, b and c"; more than <paramref name="max"/> items end in "and n more".</summary>
    public static string List(IReadOnlyList<string> items, int max = 3)
    {
        if (items.Count == 0)
            return "";
        var shown = items.Take(max).Select(i => $"'{i}'").ToList();
        if (items.Count > max)
            shown.Add($"{items.Count - max} more");
        return shown.Count == 1 ? shown[0] : $"{string.Join(", ", shown.SkipLast(1))} and {shown[^1]}";
    }

    public static string Classification(DriftClassification classification) => classification switch
    {
        DriftClassification.BusinessDrift => "business drift",
        DriftClassification.DataDrift => "data drift",
        _ => "concept drift",
    };

    /// <summary>What to do about each kind of drift, in one short sentence.</summary>
    public static string Advice(DriftClassification classification) => classification switch
    {
        DriftClassification.BusinessDrift => "Reassess the target or the market, not the model.",
        DriftClassification.DataDrift => "Check the data pipeline and the drifted inputs.",
        _ => "Retrain the model or roll back to the previous version.",
    };
}
