using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Kpi;

/// <summary>A KPI's target band. Higher is better: on target at or above <see cref="Target"/>, at risk down to
/// <see cref="Target"/> − <see cref="Tolerance"/> (the band edge included), off target below it. Lower is better: the
/// mirror image (on target at or below the target, at risk up to target + tolerance, off target above).</summary>
public sealed record KpiTarget(KpiDirection Direction, double Target, double Tolerance)
{
    /// <summary>The edge of the band on the bad side: target − tolerance (higher is better) or target + tolerance.</summary>
    public double BandEdge => Direction == KpiDirection.HigherIsBetter ? Target - Tolerance : Target + Tolerance;

    public KpiStatus StatusOf(double? value)
    {
        if (value is not { } v || !double.IsFinite(v))
            return KpiStatus.NoData;
        // How far the value is on the bad side of the target (≤ 0: at or better than the target).
        var shortfall = Direction == KpiDirection.HigherIsBetter ? Target - v : v - Target;
        return shortfall <= 0 ? KpiStatus.OnTarget
            : shortfall <= Tolerance ? KpiStatus.AtRisk
            : KpiStatus.OffTarget;
    }

    /// <summary>(value − target) / |target|: negative below the target; null when the target is 0 or there is no value.</summary>
    public double? RelativeGap(double? value) =>
        value is { } v && double.IsFinite(v) && Target != 0 ? (v - Target) / Math.Abs(Target) : null;

    /// <summary>Worst first: off target, at risk, on target, no data.</summary>
    public static int Rank(KpiStatus status) => status switch
    {
        KpiStatus.OffTarget => 3,
        KpiStatus.AtRisk => 2,
        KpiStatus.OnTarget => 1,
        _ => 0,
    };
}
