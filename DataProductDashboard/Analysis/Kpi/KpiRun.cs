namespace DataProductDashboard.Analysis.Kpi;

/// <summary>The newest consecutive complete periods that were all off target, oldest first (empty when the newest
/// complete period is within the band). <see cref="Sustained"/> when it is at least the KPI's run length long.</summary>
public sealed record KpiRun(IReadOnlyList<KpiPeriodValue> Periods, int RunLength)
{
    public int Length => Periods.Count;
    public bool Sustained => Length >= RunLength && Length > 0;
    public DateTime From => Periods[0].PeriodStart;
    public DateTime To => Periods[^1].PeriodStart;
}
