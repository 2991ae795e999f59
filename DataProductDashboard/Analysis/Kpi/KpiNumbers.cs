using System.Globalization;

namespace DataProductDashboard.Analysis.Kpi;

/// <summary>Numbers in KPI sentences (reasons, alert titles and messages): thousands separators and no decimals from
/// 1,000 on, one decimal from 100, two from 10, three below; shares as whole percentages.</summary>
public static class KpiNumbers
{
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
            return "–";
        var magnitude = Math.Abs(value);
        var format = magnitude >= 1000 ? "#,0" : magnitude >= 100 ? "0.#" : magnitude >= 10 ? "0.##" : "0.###";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>"value unit", or the value alone without a unit.</summary>
    public static string WithUnit(double value, string? unit) => string.IsNullOrWhiteSpace(unit) ? Format(value) : $"{Format(value)} {unit}";

    /// <summary>0.183 → "18 %", −0.2 → "−20 %".</summary>
    public static string Percent(double share) =>
        (share * 100).ToString("0", CultureInfo.InvariantCulture).Replace("-", "−", StringComparison.Ordinal) + " %";
}
