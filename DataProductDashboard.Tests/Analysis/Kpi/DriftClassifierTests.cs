using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis.Kpi;

public sealed class DriftClassifierTests
{
    private static readonly DateTime First = new(2024, 5, 6, 0, 0, 0, DateTimeKind.Utc);
    private static readonly KpiTarget Rentals = new(KpiDirection.HigherIsBetter, 5000, 750);

    // A run of three days: 4000, 3000, 4000 → gaps −0.2, −0.4, −0.2 (mean −0.2667).
    private static readonly KpiRun Run = new(
    [
        new KpiPeriodValue(First, null, 4000, 1, false, true),
        new KpiPeriodValue(First.AddDays(1), null, 3000, 1, false, true),
        new KpiPeriodValue(First.AddDays(2), null, 4000, 1, false, true),
    ], 3);

    /// <summary>A stable, labelled batch covering the given days (offsets from <see cref="First"/>).</summary>
    private static KpiBatchAudit Batch(int id, int fromDay, int toDay, bool drift = false, double share = 0.1, bool degraded = false,
        double mae = 50, string[]? failedGates = null, bool labelled = true) =>
        new(id, First.AddDays(fromDay), First.AddDays(toDay), drift, share, (int)Math.Round(share * 10), 10, labelled,
            degraded, labelled ? "mae" : null, labelled ? mae : null, labelled ? 40 : null, failedGates ?? []) { BatchNumber = id };

    [Fact]
    public void Reuse_SamePeriods_KeepsTheClassificationAndTakesLatestValueAndGapFromTheRun()
    {
        var earlier = DriftClassifier.Classify(Run, Rentals, KpiPeriod.Day, [Batch(1, 0, 1)]);
        // The same three days, the newest value revised from 4000 to 3500: gaps −0.2, −0.4, −0.3.
        var revised = new KpiRun([Run.Periods[0], Run.Periods[1], Run.Periods[2] with { Value = 3500 }], 3);

        var reused = DriftClassifier.Reuse(earlier, revised, Rentals);

        Assert.NotNull(reused);
        Assert.Equal(earlier with { LatestValue = 3500, RelativeGap = -0.9 / 3 }, reused with { RelativeGap = Math.Round(reused.RelativeGap, 12) });
    }

    [Fact]
    public void Reuse_OtherPeriodsOrNoEarlierFinding_IsNull()
    {
        var earlier = DriftClassifier.Classify(Run, Rentals, KpiPeriod.Day, [Batch(1, 0, 1)]);
        var longer = new KpiRun([.. Run.Periods, new KpiPeriodValue(First.AddDays(3), null, 3000, 1, false, true)], 3);
        var later = new KpiRun([.. Run.Periods.Skip(1), new KpiPeriodValue(First.AddDays(3), null, 3000, 1, false, true)], 3);

        Assert.Null(DriftClassifier.Reuse(earlier, longer, Rentals));
        Assert.Null(DriftClassifier.Reuse(earlier, later, Rentals));
        Assert.Null(DriftClassifier.Reuse(null, Run, Rentals));
        Assert.Null(DriftClassifier.Reuse(earlier, new KpiRun(Run.Periods.Take(2).ToList(), 3), Rentals));
    }

    [Fact]
    public void Classify_DataAndModelStable_IsBusinessDrift()
    {
        var finding = DriftClassifier.Classify(Run, Rentals, KpiPeriod.Day, [Batch(1, 0, 1), Batch(2, 2, 4, share: 0.3)]);

        Assert.Equal(DriftClassification.BusinessDrift, finding.Classification);
        Assert.Equal(2, finding.EvidenceBatchId);
        Assert.Equal(3, finding.Periods);
        Assert.Equal(4000, finding.LatestValue);
        Assert.Equal(-0.8 / 3, finding.RelativeGap, 12);
        Assert.Equal(First, finding.From);
        Assert.Equal(First.AddDays(2), finding.To);
        Assert.Contains("no dataset drift (largest drifted share 0.3, batch #2)", finding.Reason);
        Assert.Contains("model performance held on 2 labelled batches", finding.Reason);
        Assert.Contains("reassess its target or the market", finding.Reason);
    }

    [Fact]
    public void Classify_ConceptDriftVerdictDegradedInTheRun_IsConceptDriftEvenWithDataDrift()
    {
        var audits = new[] { Batch(1, 0, 0, drift: true, share: 0.8), Batch(2, 1, 2, drift: true, share: 0.6, degraded: true, mae: 70) };

        var finding = DriftClassifier.Classify(Run, Rentals, KpiPeriod.Day, audits);

        Assert.Equal(DriftClassification.ConceptDrift, finding.Classification);
        Assert.Equal(2, finding.EvidenceBatchId);
        // 70 against 40: (70 − 40) / 40 = 75 % worse.
        Assert.Contains("batch #2 shows MAE 70 against 40 on hold-out, 75 % worse (concept drift)", finding.Reason);
    }

    [Fact]
    public void Classify_FailedPerformanceGateOnly_IsConceptDriftNamingTheGate()
    {
        var finding = DriftClassifier.Classify(Run, Rentals, KpiPeriod.Day, [Batch(7, 0, 2, failedGates: ["MAE within 25 % of hold-out"])]);

        Assert.Equal(DriftClassification.ConceptDrift, finding.Classification);
        Assert.Contains("failed gate 'MAE within 25 % of hold-out'", finding.Reason);
    }

    [Fact]
    public void Classify_WorstOfSeveralDegradedBatches_IsTheEvidence()
    {
        var audits = new[] { Batch(1, 0, 0, degraded: true, mae: 90), Batch(2, 1, 1, degraded: true, mae: 60), Batch(3, 2, 2) };

        var finding = DriftClassifier.Classify(Run, Rentals, KpiPeriod.Day, audits);

        Assert.Equal(1, finding.EvidenceBatchId);
        Assert.Contains("Performance fell on 2 of the 3 labelled batches", finding.Reason);
    }

    [Fact]
    public void Classify_DatasetDriftInTwoOfThreeDays_IsDataDrift()
    {
        var audits = new[] { Batch(1, 0, 0, drift: true, share: 0.6), Batch(2, 1, 1, drift: true, share: 0.9), Batch(3, 2, 2) };

        var finding = DriftClassifier.Classify(Run, Rentals, KpiPeriod.Day, audits);

        Assert.Equal(DriftClassification.DataDrift, finding.Classification);
        Assert.Equal(2, finding.EvidenceBatchId);
        Assert.Contains("Inputs drifted in 2 of 3 days (batch #2: 9 of 10 features drifted, share 0.9)", finding.Reason);
    }

    [Fact]
    public void Classify_DatasetDriftInOneOfThreeDays_IsNotAMajorityAndStaysBusinessDrift()
    {
        var audits = new[] { Batch(1, 0, 0, drift: true, share: 0.6), Batch(2, 1, 2) };

        var finding = DriftClassifier.Classify(Run, Rentals, KpiPeriod.Day, audits);

        Assert.Equal(DriftClassification.BusinessDrift, finding.Classification);
        Assert.Contains("dataset drift in only 1 of 3 days", finding.Reason);
    }

    [Fact]
    public void Classify_BatchesOutsideTheRun_AreIgnored()
    {
        // Batch 9 degraded, but its rows fall before the run.
        var audits = new[] { Batch(9, -5, -1, degraded: true, mae: 200), Batch(1, 0, 2) };

        var finding = DriftClassifier.Classify(Run, Rentals, KpiPeriod.Day, audits);

        Assert.Equal(DriftClassification.BusinessDrift, finding.Classification);
        Assert.Equal(1, finding.EvidenceBatchId);
    }

    [Fact]
    public void Classify_NoBatchInTheRun_IsBusinessDriftWithoutEvidence()
    {
        var finding = DriftClassifier.Classify(Run, Rentals, KpiPeriod.Day, []);

        Assert.Equal(DriftClassification.BusinessDrift, finding.Classification);
        Assert.Null(finding.EvidenceBatchId);
        Assert.Contains("No batch was audited in these 3 days", finding.Reason);
    }

    [Fact]
    public void Classify_DataDriftWithoutLabels_SaysPerformanceIsNotKnownYet()
    {
        var audits = new[] { Batch(1, 0, 2, drift: true, share: 0.7, labelled: false) };

        var finding = DriftClassifier.Classify(Run, Rentals, KpiPeriod.Day, audits);

        Assert.Equal(DriftClassification.DataDrift, finding.Classification);
        Assert.Contains("model performance is not known yet", finding.Reason);
    }
}
