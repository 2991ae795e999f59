using DataProductDashboard.Analysis.Multivariate;
using DataProductDashboard.Tests.Analysis.Estimation;

namespace DataProductDashboard.Tests.Analysis.Multivariate;

/// <summary><see cref="PcaReconstruction"/> against scikit-learn 1.2.1 <c>StandardScaler</c> + <c>PCA(n_components=0.65,
/// svd_solver="full")</c> (Fixtures/estimation.json, "pca"), to 1e-6; component signs are arbitrary, so only
/// explained-variance ratios, the scaler and reconstruction errors are compared. Plus the drift it exists to catch: a
/// flipped correlation with unchanged marginals.</summary>
public sealed class PcaReconstructionTests
{
    private const double Tolerance = 1e-6;

    public static TheoryData<string> Cases => EstimationFixture.Names("pca");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_FixtureCase_MatchesSklearn(string name)
    {
        var c = EstimationFixture.Case("pca", name);
        var e = c.GetProperty("expected");

        var pca = PcaReconstruction.Fit(EstimationFixture.Rows(c.GetProperty("reference")));

        Assert.Equal(e.GetProperty("components").GetInt32(), pca.Components);
        EstimationFixture.Near(EstimationFixture.Numbers(e.GetProperty("explainedVarianceRatio")), pca.ExplainedVarianceRatio, Tolerance, "explained_variance_ratio_");
        EstimationFixture.Near(EstimationFixture.Numbers(e.GetProperty("mean")), pca.Mean, Tolerance, "mean_");
        EstimationFixture.Near(EstimationFixture.Numbers(e.GetProperty("scale")), pca.Scale, Tolerance, "scale_");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Error_FixtureCase_MatchesSklearnReconstruction(string name)
    {
        var c = EstimationFixture.Case("pca", name);
        var e = c.GetProperty("expected");

        var pca = PcaReconstruction.Fit(EstimationFixture.Rows(c.GetProperty("reference")));

        EstimationFixture.Near(e.GetProperty("referenceError").GetDouble(), pca.Error(EstimationFixture.Rows(c.GetProperty("reference"))), Tolerance, "reference error");
        EstimationFixture.Near(e.GetProperty("currentError").GetDouble(), pca.Error(EstimationFixture.Rows(c.GetProperty("current"))), Tolerance, "current error");
    }

    [Fact]
    public void Error_CorrelationFlippedWithSameMarginals_RisesWellAboveReferenceChunks()
    {
        var random = new Random(31);
        var reference = CorrelatedRows(random, 5000, flip: false);
        var current = CorrelatedRows(random, 2000, flip: true);

        var pca = PcaReconstruction.Fit(reference);
        var chunkErrors = reference.Chunk(500).Select(pca.Error).ToArray();
        var currentError = pca.Error(current);

        // The error is a mean over rows, so a 2000-row batch compares with 500-row chunks (only its spread is smaller).
        // Each column on its own looks the same: means and standard deviations within 5 %.
        for (var j = 0; j < reference[0].Length; j++)
        {
            var (refMean, refStd) = MeanStd(reference, j);
            var (curMean, curStd) = MeanStd(current, j);
            Assert.InRange(curMean / refMean, 0.95, 1.05);
            Assert.InRange(curStd / refStd, 0.95, 1.05);
        }
        var chunkMean = chunkErrors.Average();
        var chunkStd = Math.Sqrt(chunkErrors.Sum(x => (x - chunkMean) * (x - chunkMean)) / (chunkErrors.Length - 1));
        Assert.True(currentError > chunkErrors.Max() + (10 * chunkStd), $"current {currentError:R}, reference chunks {chunkMean:R} ± {chunkStd:R} (max {chunkErrors.Max():R})");
        Assert.True(currentError > 1.3 * chunkMean, $"current {currentError:R}, reference chunks {chunkMean:R}");
        // A new batch drawn like the reference stays among the reference chunks.
        var unchanged = pca.Error(CorrelatedRows(random, 500, flip: false));
        Assert.InRange(unchanged, chunkMean - (4 * chunkStd), chunkMean + (4 * chunkStd));
    }

    [Fact]
    public void Fit_VarianceThreshold_KeepsTheFewestComponentsExceedingIt()
    {
        var pca = PcaReconstruction.Fit(CorrelatedRows(new Random(8), 2000, flip: false), varianceToKeep: 0.3);
        var all = PcaReconstruction.Fit(CorrelatedRows(new Random(8), 2000, flip: false), varianceToKeep: 0.999999);

        // The correlated pair's shared direction alone explains about 2/5 of the variance of five standardised columns.
        Assert.Equal(1, pca.Components);
        Assert.InRange(pca.ExplainedVarianceRatio[0], 0.3, 0.5);
        Assert.Equal(5, all.Components);
        Assert.Equal(1.0, all.ExplainedVarianceRatio.Sum(), 9);
        for (var k = 1; k < all.Components; k++)
            Assert.True(all.ExplainedVarianceRatio[k] <= all.ExplainedVarianceRatio[k - 1]);
        Assert.Equal(all.ExplainedVarianceRatio[0], pca.ExplainedVarianceRatio[0], 12);
    }

    [Fact]
    public void Error_AllComponentsKept_IsZero()
    {
        var rows = CorrelatedRows(new Random(12), 300, flip: false);
        var pca = PcaReconstruction.Fit(rows, varianceToKeep: 0.999999);

        Assert.InRange(pca.Error(rows), 0, 1e-12);
        Assert.InRange(pca.Error(CorrelatedRows(new Random(13), 50, flip: true)), 0, 1e-12);
    }

    [Fact]
    public void Error_ColumnsRescaledAndShifted_IsUnchanged()
    {
        // Standardisation makes the error independent of each column's units.
        var rows = CorrelatedRows(new Random(14), 400, flip: false);
        var current = CorrelatedRows(new Random(15), 100, flip: true);
        static double[][] Rescale(double[][] r) => r.Select(x => x.Select((v, j) => (v * (j + 1) * 1000) - 7).ToArray()).ToArray();

        var original = PcaReconstruction.Fit(rows);
        var rescaled = PcaReconstruction.Fit(Rescale(rows));

        Assert.Equal(original.Components, rescaled.Components);
        Assert.Equal(original.Error(current), rescaled.Error(Rescale(current)), 9);
    }

    [Fact]
    public void Reconstruct_ReferenceMean_IsItself()
    {
        var rows = CorrelatedRows(new Random(16), 400, flip: false);
        var pca = PcaReconstruction.Fit(rows);

        var reconstruction = pca.Reconstruct(pca.Mean);

        for (var j = 0; j < pca.Mean.Length; j++)
            Assert.Equal(pca.Mean[j], reconstruction[j], 9);
        Assert.InRange(pca.Error([pca.Mean]), 0, 1e-9);
    }

    [Fact]
    public void Reconstruct_Row_ErrorIsTheStandardisedDistance()
    {
        var rows = CorrelatedRows(new Random(17), 400, flip: false);
        var pca = PcaReconstruction.Fit(rows);
        var row = rows[3];

        var reconstruction = pca.Reconstruct(row);
        var distance = Math.Sqrt(row.Select((v, j) => Math.Pow((v - reconstruction[j]) / pca.Scale[j], 2)).Sum());

        Assert.Equal(distance, pca.Error([row]), 12);
        Assert.True(distance > 0);
    }

    [Fact]
    public void Fit_ConstantColumn_HasScaleOne()
    {
        var rows = CorrelatedRows(new Random(18), 100, flip: false).Select(r => r.Append(3.3).ToArray()).ToArray();

        var pca = PcaReconstruction.Fit(rows);

        Assert.Equal(1.0, pca.Scale[^1]);
        Assert.Equal(3.3, pca.Mean[^1], 12);
        Assert.True(double.IsFinite(pca.Error(rows)));
    }

    [Fact]
    public void Error_NoRows_IsNaN()
    {
        var pca = PcaReconstruction.Fit(CorrelatedRows(new Random(19), 50, flip: false));

        Assert.True(double.IsNaN(pca.Error([])));
    }

    [Fact]
    public void Fit_InvalidInput_Throws()
    {
        var rows = CorrelatedRows(new Random(20), 20, flip: false);

        Assert.Throws<ArgumentException>(() => PcaReconstruction.Fit([rows[0]]));
        Assert.Throws<ArgumentException>(() => PcaReconstruction.Fit([.. rows, [1.0, 2.0]]));
        Assert.Throws<ArgumentException>(() => PcaReconstruction.Fit([.. rows, [double.NaN, 1, 1, 1, 1]]));
        Assert.Throws<ArgumentException>(() => PcaReconstruction.Fit([[1.0, 2.0], [1.0, 2.0], [1.0, 2.0]]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PcaReconstruction.Fit(rows, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PcaReconstruction.Fit(rows, 1));
        var pca = PcaReconstruction.Fit(rows);
        Assert.Throws<ArgumentException>(() => pca.Error([[1.0, 2.0]]));
        Assert.Throws<ArgumentException>(() => pca.Error([[1.0, 2.0, 3.0, double.PositiveInfinity, 5.0]]));
    }

    /// <summary>Five columns with means far from 0: two strongly correlated (x and 0.98 x + noise, correlation about
    /// 0.98, or -0.98 with <paramref name="flip"/>, which leaves both marginals N(mean, sd)) and three independent ones.</summary>
    private static double[][] CorrelatedRows(Random random, int n, bool flip)
    {
        var rows = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var x = Normal(random);
            var partner = ((flip ? -0.98 : 0.98) * x) + (Math.Sqrt(1 - (0.98 * 0.98)) * Normal(random));
            rows[i] = [20 + (2 * x), 5 + (3 * partner), 4 + Normal(random), -6 + (0.5 * Normal(random)), 10 + (4 * Normal(random))];
        }
        return rows;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static (double Mean, double Std) MeanStd(double[][] rows, int column)
    {
        var values = rows.Select(r => r[column]).ToArray();
        var mean = values.Average();
        return (mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length));
    }
}
