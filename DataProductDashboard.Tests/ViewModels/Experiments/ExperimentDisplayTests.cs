using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Models;
using DataProductDashboard.ViewModels.Experiments;

namespace DataProductDashboard.Tests.ViewModels.Experiments;

public sealed class ExperimentDisplayTests
{
    private static ArmComparison Comparison(string metric, double difference, double p, double? adjusted = null, ComparisonKind kind = ComparisonKind.Rate) =>
        new(metric, kind, 0.7, 0.7 + difference, 100, 100, difference, difference / 0.7, difference - 0.1, difference + 0.1, 2, null, p, adjusted ?? p, 0.05);

    private static ExperimentSummary Summary(ArmComparison? primary, double? progress, bool mismatch = false) => new(1, 1, "e", 1, 2, 0.5, "perf.accuracy", "Accuracy",
        0.05, 0.05, ExperimentStatus.Running, DateTime.UnixEpoch, null, null, null, null, null, 100, 100, primary, [],
        new SampleRatioCheck(100, 100, 0.5, mismatch ? 20 : 0, mismatch ? 1e-5 : 1), null, progress, "/x");

    [Theory]
    [InlineData(0.7345, ComparisonKind.Rate, "73.5 %")]
    [InlineData(12.3456, ComparisonKind.Mean, "12.35")]
    [InlineData(double.NaN, ComparisonKind.Mean, "–")]
    public void Value_ByKind_ReadsAsPercentOrNumber(double value, ComparisonKind kind, string expected) =>
        Assert.Equal(expected, ExperimentDisplay.Value(value, kind));

    [Theory]
    [InlineData(0.023, ComparisonKind.Rate, "+2.3 pts")]
    [InlineData(-0.036, ComparisonKind.Rate, "−3.6 pts")]
    [InlineData(-1.5, ComparisonKind.Mean, "−1.500")]
    [InlineData(0.0, ComparisonKind.Mean, "±0")]
    public void Difference_Signed_ShowsTheSignAndUnit(double value, ComparisonKind kind, string expected) =>
        Assert.Equal(expected, ExperimentDisplay.Difference(value, kind));

    [Fact]
    public void Interval_RateAndMean_ReadCompactly()
    {
        Assert.Equal("[−16.1, +8.9] pts", ExperimentDisplay.Interval(-0.161, 0.089, ComparisonKind.Rate));
        Assert.Equal("[−1.200, +0.4500]", ExperimentDisplay.Interval(-1.2, 0.45, ComparisonKind.Mean));
        Assert.Equal("–", ExperimentDisplay.Interval(double.NaN, 1, ComparisonKind.Mean));
    }

    [Theory]
    [InlineData(0.0004, "< 0.001")]
    [InlineData(0.04321, "0.043")]
    [InlineData(double.NaN, "–")]
    public void PValue_Small_ReadsAsBelowOneThousandth(double p, string expected) => Assert.Equal(expected, ExperimentDisplay.PValue(p));

    [Fact]
    public void VerdictOf_DirectionAndSignificance_NamesBetterWorseOrNeither()
    {
        Assert.Equal(Verdict.Better, ExperimentDisplay.VerdictOf(Comparison("perf.accuracy", 0.05, 0.001), lowerIsBetter: false).Verdict);
        Assert.Equal(Verdict.Worse, ExperimentDisplay.VerdictOf(Comparison("perf.accuracy", -0.05, 0.001), lowerIsBetter: false).Verdict);
        Assert.Equal(Verdict.Better, ExperimentDisplay.VerdictOf(Comparison("perf.mae", -2, 0.001, kind: ComparisonKind.Mean), lowerIsBetter: true).Verdict);
        Assert.Equal(("Challenger higher", Verdict.Different), ExperimentDisplay.VerdictOf(Comparison("prediction.positive_share", 0.05, 0.001), false));
        // Significant before correction, not after Holm.
        Assert.Equal(Verdict.NotSignificant, ExperimentDisplay.VerdictOf(Comparison("perf.accuracy", 0.05, 0.03, adjusted: 0.09), false).Verdict);
        Assert.Equal(Verdict.Undefined, ExperimentDisplay.VerdictOf(Comparison("perf.accuracy", 0, double.NaN, adjusted: double.NaN), false).Verdict);
    }

    [Fact]
    public void Recommendation_ReadsTheSplitTheVerdictAndTheProgress()
    {
        Assert.Contains("fix the assignment", ExperimentDisplay.Recommendation(Summary(Comparison("perf.accuracy", 0.1, 0.001), 1, mismatch: true), false));
        Assert.Contains("data support shipping", ExperimentDisplay.Recommendation(Summary(Comparison("perf.accuracy", 0.1, 0.001), 1), false));
        Assert.Contains("keep the champion", ExperimentDisplay.Recommendation(Summary(Comparison("perf.accuracy", -0.1, 0.001), 1), false));
        Assert.Contains("with 9 % of the planned sample: keep it running", ExperimentDisplay.Recommendation(Summary(Comparison("perf.accuracy", 0.01, 0.6), 0.09), false));
        Assert.Contains("with the planned sample", ExperimentDisplay.Recommendation(Summary(Comparison("perf.accuracy", 0.01, 0.6), 1), false));
        Assert.Contains("until both arms have data", ExperimentDisplay.Recommendation(Summary(null, 0), false));
    }

    [Fact]
    public void ProgressText_EqualArms_SaysPerArm()
    {
        var plan = new SampleSizePlan(0.1, 1151, 1151, 0.05, 0.8);

        Assert.Equal("412 of 1,151 per arm", ExperimentDisplay.ProgressText(412, 412, plan));
        Assert.Equal("101 of 1,151 (champion) · 99 of 1,151 (challenger)", ExperimentDisplay.ProgressText(101, 99, plan));
    }

    [Fact]
    public void ComparisonRows_PrimaryFirstWithNamesAndDirection()
    {
        var metrics = ExperimentMetrics.ForTask(TaskType.Regression);
        var summary = Summary(Comparison("perf.mae", -1, 0.01, kind: ComparisonKind.Mean), 0.5) with
        {
            PrimaryMetric = "perf.mae", PrimaryMetricName = "MAE", Secondary = [Comparison("perf.rmse", -3, 0.2, kind: ComparisonKind.Mean)],
        };

        var rows = ComparisonRow.From(summary, metrics);

        Assert.Equal([("perf.mae", "MAE", true, true), ("perf.rmse", "MSE (RMSE²)", false, true)], rows.Select(r => (r.Key, r.Name, r.IsPrimary, r.LowerIsBetter)));
        Assert.Equal(Verdict.Better, rows[0].Verdict.Verdict);
    }

    [Fact]
    public void StartForm_Defaults_AndTheRequestItMakes()
    {
        var form = StartExperimentForm.For([], ExperimentMetrics.ForTask(TaskType.BinaryClassification));
        form.ChallengerVersion = 4;
        form.SharePercent = 35;
        form.Name = "  ";

        var request = form.ToRequest();

        Assert.Equal(new StartExperimentRequest(4, "perf.accuracy", 0.05, 0.35, 0.05, 0.8, null, null), request);
        Assert.Null(StartExperimentForm.DefaultEffect(ExperimentMetrics.Find(TaskType.Regression, "perf.mae")!));
        Assert.Contains("label units", StartExperimentForm.EffectHint(ExperimentMetrics.Find(TaskType.Regression, "perf.mae")));
    }
}
