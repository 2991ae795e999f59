using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis.Experiments;

public sealed class ExperimentMetricsTests
{
    private static readonly ArmObservations Binary = new([1, 0, 1, 1, 0, 0], [1, 1, double.NaN, 1, 0, double.NaN]);
    private static readonly ArmObservations Regression = new([10, 12, 7, 3], [11, 9, double.NaN, 5]);

    private static ExperimentMetric Metric(TaskType task, string key) => ExperimentMetrics.Find(task, key)!;

    [Fact]
    public void ForTask_EachTask_OffersItsMetricsWithRatesForClassificationAndMeansForRegression()
    {
        Assert.Equal(["perf.accuracy", "prediction.positive_share"], ExperimentMetrics.ForTask(TaskType.BinaryClassification).Select(m => m.Key));
        Assert.All(ExperimentMetrics.ForTask(TaskType.BinaryClassification), m => Assert.Equal(ComparisonKind.Rate, m.Kind));
        Assert.Equal(["perf.mae", "perf.rmse", "perf.mean_error", "prediction.mean"], ExperimentMetrics.ForTask(TaskType.Regression).Select(m => m.Key));
        Assert.All(ExperimentMetrics.ForTask(TaskType.Regression), m => Assert.Equal(ComparisonKind.Mean, m.Kind));
        Assert.Null(ExperimentMetrics.Find(TaskType.Regression, "perf.accuracy"));
        Assert.Contains("squared", Metric(TaskType.Regression, "perf.rmse").Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_Accuracy_CountsCorrectLabelledRowsOnly()
    {
        var sample = ExperimentMetrics.Sample(Metric(TaskType.BinaryClassification, ExperimentMetrics.Accuracy), TaskType.BinaryClassification, Binary);

        Assert.Equal(new RateSample(3, 4), sample.Rate);
        Assert.Equal(0.75, sample.Estimate);
    }

    [Fact]
    public void Sample_PositiveShare_CountsEveryRowLabelledOrNot() =>
        Assert.Equal(new RateSample(3, 6), ExperimentMetrics.Sample(Metric(TaskType.BinaryClassification, ExperimentMetrics.PositiveShare), TaskType.BinaryClassification, Binary).Rate);

    [Theory]
    [InlineData(ExperimentMetrics.Mae, new[] { 1.0, 3.0, 2.0 })]
    [InlineData(ExperimentMetrics.Rmse, new[] { 1.0, 9.0, 4.0 })]
    [InlineData(ExperimentMetrics.MeanError, new[] { -1.0, 3.0, -2.0 })]
    [InlineData(ExperimentMetrics.PredictionMean, new[] { 10.0, 12.0, 7.0, 3.0 })]
    public void Sample_RegressionMetric_GivesTheMomentsOfThePerRowValuesTheWelchTestCompares(string key, double[] expected) =>
        Assert.Equal(Moments.Of(expected), ExperimentMetrics.Sample(Metric(TaskType.Regression, key), TaskType.Regression, Regression).Observations);

    [Fact]
    public void MisclassificationCost_LabelledRows_AreTheMomentsOfTheCostOfEachRow()
    {
        var cost = ArmStatistics.MisclassificationCost(ArmStatistics.Of(TaskType.BinaryClassification, Binary), 100, 500);
        var rows = Moments.Of([0.0, 500, 0, 0]);

        Assert.Equal(rows.Count, cost.Count);
        Assert.Equal(rows.Mean, cost.Mean, 12);
        Assert.Equal(rows.M2, cost.M2, 9);
    }

    [Fact]
    public void Compare_TooFewObservations_IsNullInsteadOfThrowing()
    {
        var mae = Metric(TaskType.Regression, ExperimentMetrics.Mae);

        Assert.Null(ExperimentMetrics.Compare(mae, ArmSample.OfValues([1.0]), ArmSample.OfValues([1.0, 2.0]), 0.05));
        Assert.Null(ExperimentMetrics.Compare(Metric(TaskType.BinaryClassification, ExperimentMetrics.Accuracy), ArmSample.OfRate(0, 0), ArmSample.OfRate(1, 2), 0.05));
        Assert.NotNull(ExperimentMetrics.Compare(mae, ArmSample.OfValues([1.0, 3.0]), ArmSample.OfValues([1.0, 2.0]), 0.05));
    }

    [Fact]
    public void Compare_Rate_IsTheTwoProportionZTestUnderTheMetricKey()
    {
        var accuracy = Metric(TaskType.BinaryClassification, ExperimentMetrics.Accuracy);

        var result = ExperimentMetrics.Compare(accuracy, ArmSample.OfRate(70, 100), ArmSample.OfRate(80, 100), 0.05);

        Assert.Equal(AbTests.TwoProportionZ("perf.accuracy", new RateSample(70, 100), new RateSample(80, 100), 0.05), result);
    }

    [Fact]
    public void Plan_RateNearOne_PlansTheDropInsteadOfPassingOne()
    {
        var plan = ExperimentMetrics.Plan(ComparisonKind.Rate, 0.98, null, 0.05, 0.05, 0.8, 0.5);

        Assert.Equal(AbTests.SampleSizeForRate(0.98, -0.05, 0.05, 0.8, 0.5), plan);
    }

    [Fact]
    public void Plan_MissingBaselineOrSpread_IsNull()
    {
        Assert.Null(ExperimentMetrics.Plan(ComparisonKind.Rate, null, null, 0.05, 0.05, 0.8, 0.5));
        Assert.Null(ExperimentMetrics.Plan(ComparisonKind.Mean, null, null, 2, 0.05, 0.8, 0.5));
        Assert.Null(ExperimentMetrics.Plan(ComparisonKind.Mean, null, 0, 2, 0.05, 0.8, 0.5));
        Assert.Equal(AbTests.SampleSizeForMean(4, 2, 0.05, 0.8, 0.5), ExperimentMetrics.Plan(ComparisonKind.Mean, null, 4, 2, 0.05, 0.8, 0.5));
    }

    [Fact]
    public void TryParseKpi_KeysOfKpis_GiveTheirIds()
    {
        Assert.True(ExperimentMetrics.TryParseKpi("kpi:12", out var id));
        Assert.Equal(12, id);
        Assert.False(ExperimentMetrics.TryParseKpi("kpi:x", out _));
        Assert.False(ExperimentMetrics.TryParseKpi("perf.mae", out _));
        Assert.Equal("kpi:7", ExperimentMetrics.KpiKey(7));
    }

    [Fact]
    public void Evaluate_Family_TestsThePrimaryAtAlphaAdjustsTheSecondariesAndPlansThePrimaryFromTheChampionArm()
    {
        var accuracy = Metric(TaskType.BinaryClassification, ExperimentMetrics.Accuracy);
        var share = Metric(TaskType.BinaryClassification, ExperimentMetrics.PositiveShare);

        var result = ExperimentEvaluator.Evaluate(
        [
            (accuracy, ArmSample.OfRate(140, 200), ArmSample.OfRate(165, 200)),
            (share, ArmSample.OfRate(60, 250), ArmSample.OfRate(70, 250)),
        ], ExperimentMetrics.Accuracy, 0.05, 0.8, 0.05, 0.5, holdoutBaseline: 0.9);

        Assert.Equal(AbTests.TwoProportionZ("perf.accuracy", new RateSample(140, 200), new RateSample(165, 200), 0.05), result.Primary);
        Assert.Null(result.Primary!.AdjustedPValue);
        var secondary = Assert.Single(result.Secondary);
        Assert.Equal(AbTests.TwoProportionZ("prediction.positive_share", new RateSample(60, 250), new RateSample(70, 250), 0.05) with { AdjustedPValue = secondary.PValue },
            secondary);
        var plan = AbTests.SampleSizeForRate(0.7, 0.05, 0.05, 0.8, 0.5);
        Assert.Equal(plan, result.Plan);
        Assert.Equal(plan.Progress(200, 200), result.Progress);
        Assert.Equal((200, 200), (result.PrimaryChampionCount, result.PrimaryChallengerCount));
    }
}
