using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Kpi;

/// <summary>When a KPI is off target for long enough to act on: a run rule in the spirit of the Western Electric and
/// Nelson control-chart rules (a run of points on one side of the centre line signals a shift, not noise).
/// <list type="bullet">
/// <item>Only <em>complete</em> periods count (<see cref="KpiPeriodValue.Complete"/>): the newest period is skipped while
/// batches may still add to it, and a label-based KPI counts a period only once its rows are labelled.</item>
/// <item>A period is off target when it is worse than the target by more than the tolerance, on the bad side of the
/// KPI's direction (<see cref="KpiTarget.StatusOf"/>); at the band edge it is still within the band.</item>
/// <item>The run is the newest complete periods that are all off target, counted back from the newest complete period
/// (periods without data are skipped); it ends at the first period back within the band (on target or at risk).</item>
/// <item>The run is <em>sustained</em> once it is at least <c>RunLength</c> periods long (default 3, settable 2–12):
/// then the KPI's drift is classified (<see cref="DriftClassifier"/>) and an alert is raised. A period back within
/// the band ends the run and clears the alert.</item>
/// </list></summary>
public static class BusinessDriftRule
{
    public const int DefaultRunLength = 3;
    public const int MinRunLength = 2;
    public const int MaxRunLength = 12;

    /// <summary>The trailing off-target run of the complete periods of <paramref name="series"/> (oldest first).</summary>
    public static KpiRun CurrentRun(IReadOnlyList<KpiPeriodValue> series, KpiTarget target, int runLength)
    {
        var complete = series.Where(p => p.Complete && p.Value is not null).OrderBy(p => p.PeriodStart).ToList();
        var start = complete.Count;
        while (start > 0 && target.StatusOf(complete[start - 1].Value) == KpiStatus.OffTarget)
            start--;
        return new KpiRun(complete.Skip(start).ToList(), runLength);
    }

    /// <summary>The sustained off-target run, or null when the KPI is within its band or off target for fewer than
    /// <paramref name="runLength"/> complete periods.</summary>
    public static KpiRun? SustainedRun(IReadOnlyList<KpiPeriodValue> series, KpiTarget target, int runLength)
    {
        var run = CurrentRun(series, target, runLength);
        return run.Sustained ? run : null;
    }

    /// <summary>The newest complete period, if any: what a KPI's status is judged on.</summary>
    public static KpiPeriodValue? LatestComplete(IReadOnlyList<KpiPeriodValue> series) =>
        series.Where(p => p.Complete && p.Value is not null).OrderBy(p => p.PeriodStart).LastOrDefault();
}
