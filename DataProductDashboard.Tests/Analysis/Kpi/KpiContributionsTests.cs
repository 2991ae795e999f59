using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis.Kpi;

public sealed class KpiContributionsTests
{
    private static DateTime At(int day, int hour = 12) => new(2024, 5, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Group_RowsOverTwoDays_SumsAndCountsPerDay()
    {
        // Day 6: 10 + 20 + 5 = 35 over 3 rows; day 7: 100 over 1 row.
        DateTime[] times = [At(6, 1), At(6, 8), At(6, 23), At(7, 0)];
        double[] values = [10, 20, 5, 100];

        var result = KpiContributions.Group(times, values, null, KpiPeriod.Day, pendingWhenMissing: false);

        Assert.Equal(
        [
            new KpiObservation(new DateTime(2024, 5, 6, 0, 0, 0, DateTimeKind.Utc), null, 35, 3),
            new KpiObservation(new DateTime(2024, 5, 7, 0, 0, 0, DateTimeKind.Utc), null, 100, 1),
        ], result);
    }

    [Fact]
    public void Group_WeeklyPeriod_PutsMondayToSundayTogether()
    {
        // 2024-05-06 is a Monday, 2024-05-12 the Sunday of the same week, 2024-05-13 the next Monday.
        DateTime[] times = [At(6), At(12), At(13)];
        double[] values = [1, 2, 4];

        var result = KpiContributions.Group(times, values, null, KpiPeriod.Week, pendingWhenMissing: false);

        Assert.Equal(2, result.Count);
        Assert.Equal((3.0, 2.0), (result[0].Value, result[0].Weight));
        Assert.Equal((4.0, 1.0), (result[1].Value, result[1].Weight));
    }

    [Fact]
    public void Group_MissingFeatureValue_IsSkipped()
    {
        DateTime[] times = [At(6), At(6), At(6)];
        double[] values = [4, double.NaN, 6];

        var only = Assert.Single(KpiContributions.Group(times, values, null, KpiPeriod.Day, pendingWhenMissing: false));

        Assert.Equal((10.0, 2.0), (only.Value, only.Weight));
    }

    [Fact]
    public void Group_LabelBasedWithAMissingLabel_ContributesOnlyAPendingMarkerForThatPeriod()
    {
        // Day 6 is fully labelled (7 + 3); day 7 waits for one label.
        DateTime[] times = [At(6), At(6), At(7), At(7)];
        double[] values = [7, 3, 2, double.NaN];

        var result = KpiContributions.Group(times, values, null, KpiPeriod.Day, pendingWhenMissing: true);

        Assert.Equal((10.0, 2.0, false), (result[0].Value, result[0].Weight, result[0].IsPending));
        Assert.Equal((0.0, 0.0, true), (result[1].Value, result[1].Weight, result[1].IsPending));
    }

    [Fact]
    public void Group_RowsInTwoArms_KeepsEachArmApart()
    {
        DateTime[] times = [At(6), At(6), At(6)];
        double[] values = [1, 2, 10];
        ExperimentArm?[] arms = [ExperimentArm.Champion, ExperimentArm.Champion, ExperimentArm.Challenger];

        var result = KpiContributions.Group(times, values, arms, KpiPeriod.Day, pendingWhenMissing: false);

        Assert.Equal(3.0, Assert.Single(result, o => o.Arm == ExperimentArm.Champion).Value);
        Assert.Equal(10.0, Assert.Single(result, o => o.Arm == ExperimentArm.Challenger).Value);
    }

    [Fact]
    public void MisclassificationCosts_GermanCreditMatrix_CostsFivePerMissedBadAndOnePerRejectedGood()
    {
        // predicted, label: TP, TN, FP (good applicant predicted bad: cost 1), FN (bad applicant predicted good: cost 5), unlabelled.
        double[] predicted = [1, 0, 1, 0, 1];
        double[] labels = [1, 0, 0, 1, double.NaN];

        var costs = KpiContributions.MisclassificationCosts(predicted, labels, costFalsePositive: 1, costFalseNegative: 5);

        Assert.Equal([0, 0, 1, 5], costs[..4]);
        Assert.True(double.IsNaN(costs[4]));
    }

    [Fact]
    public void MisclassificationCosts_GroupedOverADay_GiveTheMeanCostPerLabelledDecision()
    {
        // 10 decisions: 2 false negatives (5 each) and 3 false positives (1 each) → 13 / 10 = 1.3 per decision.
        double[] predicted = [0, 0, 1, 1, 1, 1, 0, 0, 0, 1];
        double[] labels = [1, 1, 0, 0, 0, 1, 0, 0, 0, 1];
        var costs = KpiContributions.MisclassificationCosts(predicted, labels, 1, 5);
        var times = Enumerable.Repeat(At(6), 10).ToArray();

        var day = Assert.Single(KpiContributions.Group(times, costs, null, KpiPeriod.Day, pendingWhenMissing: true));

        Assert.Equal(13.0, day.Value);
        Assert.Equal(10.0, day.Weight);
        Assert.Equal(1.3, KpiSeries.ValueOf([day], KpiSource.MisclassificationCost, null)!.Value, 12);
    }
}
