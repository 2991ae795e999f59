using DataProductDashboard.Analysis.Estimation;
using DataProductDashboard.Analysis.Metrics;

namespace DataProductDashboard.Tests.Analysis.Estimation;

/// <summary><see cref="ConfidenceBasedEstimator"/> against numpy evaluations of the CBPE definitions
/// (Fixtures/estimation.json, "cbpe", cross-checked there against sklearn's <c>auc</c> and weighted
/// <c>roc_auc_score</c>), to 1e-9; the chunk standard errors; and a synthetic check that the estimate tracks the
/// realized accuracy of batches from a calibrated model within its chunk standard error.</summary>
public sealed class ConfidenceBasedEstimatorTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> Cases => EstimationFixture.Names("cbpe");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Estimate_FixtureCase_MatchesNumpy(string name)
    {
        var c = EstimationFixture.Case("cbpe", name);
        var e = c.GetProperty("expected");

        var actual = ConfidenceBasedEstimator.Estimate(
            EstimationFixture.Numbers(c.GetProperty("probability")),
            EstimationFixture.Numbers(c.GetProperty("predicted")),
            EstimationFixture.Numbers(c.GetProperty("scores")));

        Assert.Equal(e.GetProperty("rows").GetInt32(), actual.Rows);
        EstimationFixture.Near(EstimationFixture.Number(e.GetProperty("accuracy")), actual.Accuracy, Tolerance, "accuracy");
        EstimationFixture.Near(EstimationFixture.Number(e.GetProperty("precision")), actual.Precision, Tolerance, "precision");
        EstimationFixture.Near(EstimationFixture.Number(e.GetProperty("recall")), actual.Recall, Tolerance, "recall");
        EstimationFixture.Near(EstimationFixture.Number(e.GetProperty("f1")), actual.F1, Tolerance, "f1");
        EstimationFixture.Near(EstimationFixture.Number(e.GetProperty("rocAuc")), actual.RocAuc, Tolerance, "rocAuc");
    }

    [Fact]
    public void EstimatedRocAuc_ProbabilitiesAreTheLabels_EqualsRealizedRocAuc()
    {
        var random = new Random(3);
        var labels = Enumerable.Range(0, 300).Select(_ => random.NextDouble() < 0.35 ? 1 : 0).ToArray();
        // Scores with one decimal: many ties across the classes.
        var scores = labels.Select(l => Math.Round(Math.Clamp(0.35 + (0.25 * l) + (0.25 * (random.NextDouble() - 0.5)), 0, 1), 1)).ToArray();

        var estimated = ConfidenceBasedEstimator.EstimatedRocAuc(labels.Select(l => (double)l).ToArray(), scores);

        Assert.Equal(ClassificationMetrics.RocAucOf(labels, scores), estimated, 12);
    }

    [Fact]
    public void EstimatedRocAuc_TiedRowsInAnotherOrder_IsUnchanged()
    {
        double[] p = [0.9, 0.2, 0.6, 0.4, 0.7, 0.1];
        double[] s = [0.8, 0.8, 0.5, 0.5, 0.5, 0.1];
        int[] reorder = [1, 0, 4, 3, 2, 5];

        var a = ConfidenceBasedEstimator.EstimatedRocAuc(p, s);
        var b = ConfidenceBasedEstimator.EstimatedRocAuc(reorder.Select(i => p[i]).ToArray(), reorder.Select(i => s[i]).ToArray());

        Assert.Equal(a, b, 15);
        // One point per distinct score (0.8, 0.5, 0.1); sum p = 2.9, sum (1 - p) = 3.1.
        double[] fpr = [0, 0.9 / 3.1, 2.2 / 3.1, 1], tpr = [0, 1.1 / 2.9, 2.8 / 2.9, 1];
        var expected = Enumerable.Range(1, 3).Sum(k => (fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1]) / 2);
        Assert.Equal(expected, a, 12);
    }

    [Fact]
    public void Estimate_NaNInAnyColumn_LeavesTheRowOut()
    {
        double[] p = [0.9, double.NaN, 0.3, 0.6, 0.2, 0.8];
        double[] yhat = [1, 1, double.NaN, 1, 0, 1];
        double[] s = [0.95, 0.5, 0.4, double.NaN, 0.1, 0.7];

        var actual = ConfidenceBasedEstimator.Estimate(p, yhat, s);
        var kept = ConfidenceBasedEstimator.Estimate([0.9, 0.2, 0.8], [1, 0, 1], [0.95, 0.1, 0.7]);

        Assert.Equal(kept, actual);
        Assert.Equal(3, actual.Rows);
        Assert.Equal((0.9 + 0.8 + 0.8) / 3, actual.Accuracy, 12);
    }

    [Fact]
    public void Estimate_NoRows_IsNaNEverywhere()
    {
        var actual = ConfidenceBasedEstimator.Estimate([], [], []);

        Assert.Equal(0, actual.Rows);
        Assert.All(new[] { actual.Accuracy, actual.Precision, actual.Recall, actual.F1, actual.RocAuc }, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Estimate_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => ConfidenceBasedEstimator.Estimate([0.5, 0.5], [1], [0.1, 0.2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceBasedEstimator.Estimate([1.2], [1], [0.1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceBasedEstimator.Estimate([-0.1], [1], [0.1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceBasedEstimator.Estimate([0.5], [2], [0.1]));
    }

    [Fact]
    public void ChunkStandardErrors_ChunkLargerThanReference_DrawsWithReplacement()
    {
        var (labels, predicted, scores) = CalibratedRows(new Random(1), 100);
        var accuracy = labels.Zip(predicted, (y, p) => y == p ? 1.0 : 0.0).Average();

        var errors = ConfidenceBasedEstimator.ChunkStandardErrors(labels, predicted, scores, chunkSize: 400, chunks: 200);

        Assert.Equal(ConfidenceBasedEstimator.MetricNames.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(errors["accuracy"] / Math.Sqrt(accuracy * (1 - accuracy) / 400), 0.8, 1.2);
    }

    [Fact]
    public void ChunkStandardErrors_NoReferenceRows_IsNaN()
    {
        var errors = ConfidenceBasedEstimator.ChunkStandardErrors([double.NaN], [1], [0.5], chunkSize: 10);

        Assert.All(errors.Values, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void ChunkStandardErrors_Seed_MakesTheResultReproducible()
    {
        var (labels, predicted, scores) = CalibratedRows(new Random(4), 2000);

        var a = ConfidenceBasedEstimator.ChunkStandardErrors(labels, predicted, scores, 200, seed: 7);
        var b = ConfidenceBasedEstimator.ChunkStandardErrors(labels, predicted, scores, 200, seed: 7);
        var c = ConfidenceBasedEstimator.ChunkStandardErrors(labels, predicted, scores, 200, seed: 8);

        Assert.Equal(a, b);
        Assert.NotEqual(a["accuracy"], c["accuracy"]);
    }

    [Fact]
    public void ChunkStandardErrors_Accuracy_NearTheSamplingTheory()
    {
        // Sampling n rows with replacement: SD(accuracy) = sqrt(a (1 - a) / n).
        var (labels, predicted, scores) = CalibratedRows(new Random(6), 5000);
        var accuracy = labels.Zip(predicted, (y, p) => y == p ? 1.0 : 0.0).Average();
        var theory = Math.Sqrt(accuracy * (1 - accuracy) / 500);

        var errors = ConfidenceBasedEstimator.ChunkStandardErrors(labels, predicted, scores, 500, chunks: 200);

        // 200 chunks: the sample SD is off the truth by about 5 % (relative standard error 1 / sqrt(2 x 199)); allow 4 x.
        Assert.InRange(errors["accuracy"] / theory, 0.8, 1.2);
        Assert.All(ConfidenceBasedEstimator.MetricNames, m => Assert.InRange(errors[m], 0.005, 0.1));
    }

    [Fact]
    public void ChunkStandardErrors_OneClassOnly_RocAucIsNaN()
    {
        var random = new Random(9);
        var scores = Enumerable.Range(0, 400).Select(_ => random.NextDouble()).ToArray();
        var labels = new double[400];
        var predicted = scores.Select(s => s >= 0.5 ? 1.0 : 0.0).ToArray();

        var errors = ConfidenceBasedEstimator.ChunkStandardErrors(labels, predicted, scores, 100);

        Assert.True(double.IsNaN(errors["roc_auc"]));
        Assert.True(errors["accuracy"] > 0);
    }

    [Fact]
    public void ChunkStandardErrors_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => ConfidenceBasedEstimator.ChunkStandardErrors([1, 0], [1], [0.5, 0.5], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceBasedEstimator.ChunkStandardErrors([1, 0], [1, 0], [0.5, 0.5], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceBasedEstimator.ChunkStandardErrors([1, 0], [1, 0], [0.5, 0.5], 1, chunks: 1));
    }

    [Fact]
    public void Estimate_CalibratedSyntheticBatches_AccuracyWithinThreeStandardErrors()
    {
        var random = new Random(20250702);
        var (refLabels, refPredicted, refScores) = CalibratedRows(random, 5000);
        var se = ConfidenceBasedEstimator.ChunkStandardErrors(refLabels, refPredicted, refScores, 500)["accuracy"];

        var within = 0;
        for (var batch = 0; batch < 200; batch++)
        {
            var (labels, predicted, scores) = CalibratedRows(random, 500);
            var realized = ClassificationMetrics.Binary(labels, predicted, scores)!.Accuracy;
            // Calibrated by construction: the score is the probability.
            var estimated = ConfidenceBasedEstimator.Estimate(scores, predicted, scores).Accuracy;
            if (Math.Abs(estimated - realized) <= 3 * se)
                within++;
        }

        Assert.InRange(se, 0.01, 0.03);
        Assert.True(within >= 190, $"{within} of 200 batches within 3 standard errors ({se:R})");
    }

    [Fact]
    public void Estimate_IsotonicCalibratedBatches_AccuracyAndRocAucWithinThreeStandardErrors()
    {
        // The model's score overstates its confidence (true probability = score^2); isotonic regression on labelled
        // reference rows recovers the probability, and CBPE estimates the batches from the calibrated values. The
        // calibration error is shared by every batch, so coverage is lower than with exact probabilities (196 of 200
        // for both metrics with these seeds, against 200 of 200 above).
        var random = new Random(77);
        var (refLabels, refPredicted, refScores) = OverconfidentRows(random, 5000);
        var calibration = IsotonicCalibration.Fit(refScores, refLabels);
        var se = ConfidenceBasedEstimator.ChunkStandardErrors(refLabels, refPredicted, refScores, 500);

        int accuracyWithin = 0, aucWithin = 0;
        for (var batch = 0; batch < 200; batch++)
        {
            var (labels, predicted, scores) = OverconfidentRows(random, 500);
            var realized = ClassificationMetrics.Binary(labels, predicted, scores)!;
            var estimated = ConfidenceBasedEstimator.Estimate(calibration.Predict(scores), predicted, scores);
            if (Math.Abs(estimated.Accuracy - realized.Accuracy) <= 3 * se["accuracy"])
                accuracyWithin++;
            if (Math.Abs(estimated.RocAuc - realized.RocAuc!.Value) <= 3 * se["roc_auc"])
                aucWithin++;
        }

        Assert.True(accuracyWithin >= 190, $"accuracy: {accuracyWithin} of 200 within 3 standard errors");
        Assert.True(aucWithin >= 190, $"roc_auc: {aucWithin} of 200 within 3 standard errors");
    }

    /// <summary>Scores from Beta(2, 2)-like draws, labels ~ Bernoulli(score), predicted = score ≥ 0.5.</summary>
    private static (double[] Labels, double[] Predicted, double[] Scores) CalibratedRows(Random random, int n)
    {
        var scores = new double[n];
        var labels = new double[n];
        var predicted = new double[n];
        for (var i = 0; i < n; i++)
        {
            scores[i] = (random.NextDouble() + random.NextDouble() + random.NextDouble()) / 3;
            labels[i] = random.NextDouble() < scores[i] ? 1 : 0;
            predicted[i] = scores[i] >= 0.5 ? 1 : 0;
        }
        return (labels, predicted, scores);
    }

    /// <summary>Uniform scores, labels ~ Bernoulli(score²), predicted = score ≥ 0.7.</summary>
    private static (double[] Labels, double[] Predicted, double[] Scores) OverconfidentRows(Random random, int n)
    {
        var scores = new double[n];
        var labels = new double[n];
        var predicted = new double[n];
        for (var i = 0; i < n; i++)
        {
            scores[i] = random.NextDouble();
            labels[i] = random.NextDouble() < scores[i] * scores[i] ? 1 : 0;
            predicted[i] = scores[i] >= 0.7 ? 1 : 0;
        }
        return (labels, predicted, scores);
    }
}
